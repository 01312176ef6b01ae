using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace TenantScanner.Tests.Architecture;

/// <summary>
/// Static fields that hold state shared between scans: a field that is not <c>readonly</c>, a
/// <c>[ThreadStatic]</c> field, or one that holds a mutable collection or cache (declared so, or an interface
/// such as IReadOnlyList holding a List). Constants, frozen and immutable collections and immutable records
/// are values, not state. Fields of compiler-generated types (the cached delegates of lambdas) are left out.
/// </summary>
internal static class StaticState
{
    private static readonly HashSet<Type> MutableTypes =
    [
        typeof(List<>), typeof(Dictionary<,>), typeof(HashSet<>), typeof(SortedDictionary<,>), typeof(SortedList<,>),
        typeof(SortedSet<>), typeof(Queue<>), typeof(Stack<>), typeof(LinkedList<>), typeof(PriorityQueue<,>),
        typeof(ConcurrentDictionary<,>), typeof(ConcurrentBag<>), typeof(ConcurrentQueue<>), typeof(ConcurrentStack<>),
        typeof(ConditionalWeakTable<,>), typeof(AsyncLocal<>), typeof(ThreadLocal<>), typeof(Lazy<>), typeof(Lazy<,>),
        typeof(StringBuilder), typeof(Random),
    ];

    /// <summary>One line per offending field: type, field and why.</summary>
    public static IReadOnlyList<string> In(Assembly assembly) =>
        assembly.GetTypes().Where(t => !IsCompilerGenerated(t)).SelectMany(Offences).Order(StringComparer.Ordinal).ToList();

    /// <summary>The offending static fields declared by one type.</summary>
    public static IEnumerable<string> Offences(Type type)
    {
        foreach (var field in type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
        {
            if (field.IsLiteral)
                continue;
            var name = $"{type.FullName}.{field.Name}";
            if (!field.IsInitOnly)
                yield return $"{name} is not readonly";
            if (field.IsDefined(typeof(ThreadStaticAttribute)))
                yield return $"{name} is [ThreadStatic]";
            if (IsMutable(field.FieldType))
                yield return $"{name} is a {field.FieldType.Name}, a mutable collection or cache";
            else if (!type.ContainsGenericParameters && field.GetValue(null) is { } value && IsMutable(value.GetType()))
                yield return $"{name} holds a {value.GetType().Name}, a mutable collection or cache";
        }
    }

    private static bool IsMutable(Type type) =>
        type.IsArray || MutableTypes.Contains(type.IsGenericType ? type.GetGenericTypeDefinition() : type);

    private static bool IsCompilerGenerated(Type type) =>
        type.IsDefined(typeof(CompilerGeneratedAttribute)) || (type.DeclaringType is { } outer && IsCompilerGenerated(outer));
}
