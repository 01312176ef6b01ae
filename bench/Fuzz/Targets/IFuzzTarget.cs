namespace TenantScanner.Fuzz.Targets;

/// <summary>One parser under fuzzing: valid seeds, a run on one input, and the exceptions its contract allows.</summary>
internal interface IFuzzTarget
{
    string Name { get; }

    /// <summary>A valid input to mutate.</summary>
    byte[] Seed(Random random);

    /// <summary>Feeds one (mutated) input to the parser.</summary>
    void Run(byte[] input);

    /// <summary>Whether an exception is the documented refusal of bad input (anything else is a bug).</summary>
    bool IsDocumented(Exception exception);
}
