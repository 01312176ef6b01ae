using System.Text;
using System.Text.Json;
using TenantScanner.SecretScanning;
using TenantScanner.SecretScanning.Acceleration;
using TenantScanner.SecretScanning.Catalog;
using TenantScanner.SecretScanning.FlowDefinitions;
using TenantScanner.SecretScanning.Judging;
using TenantScanner.SecretScanning.Walking;
using TenantScanner.Tests.RuleFixtures;

namespace TenantScanner.Tests.Secrets;

/// <summary>
/// A value on which a detector's regex runs out of time is reported as not judged (never silently passed), with
/// its pointer and position and without its text.
/// </summary>
public sealed class UnjudgedValueTests
{
    private const string Catastrophic = TimingOutDetector.Text;

    private static readonly SecretDetector Detector = TimingOutDetector.Detector;

    [Fact]
    public void A_value_a_regex_times_out_on_is_reported_with_its_position_and_the_rest_is_still_judged()
    {
        var json = "{\"a\":{\"b\":\"" + Catastrophic + "\"},\n\"t\":\"" + TimingOutDetector.Token + "\"}";

        var scan = Detector.Inspect(Encoding.UTF8.GetBytes(json));

        var unjudged = Assert.Single(scan.Unjudged);
        Assert.Equal(new UnjudgedValue("/a/b", 1, 11, "backtracking"), unjudged);
        Assert.Equal("/t", Assert.Single(scan.Hits).JsonPointer);
        Assert.False(scan.Complete);
        Assert.DoesNotContain("slowpoke", unjudged.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Values_of_embedded_documents_and_lone_values_point_where_the_value_is()
    {
        var row = JsonSerializer.Serialize(new { clientdata = JsonSerializer.Serialize(new { properties = new { note = Catastrophic } }) });

        Assert.Equal("/clientdata/properties/note", Assert.Single(Detector.Inspect(Encoding.UTF8.GetBytes(row)).Unjudged).JsonPointer);
        Assert.Equal("", Assert.Single(Detector.InspectValue(Catastrophic, "contoso_Note").Unjudged).JsonPointer);
        using var document = JsonDocument.Parse(row);
        Assert.Equal("/flow/clientdata/properties/note", Assert.Single(Detector.Inspect(document.RootElement, "/flow").Unjudged).JsonPointer);
    }

    [Fact]
    public void An_embedded_document_that_does_not_parse_reports_nothing_from_inside_it()
    {
        var row = JsonSerializer.Serialize(new { clientdata = "{\"note\":\"" + Catastrophic + "\", \"x\": }" });

        var scan = Detector.Inspect(Encoding.UTF8.GetBytes(row));

        // Judged as text instead: the whole string is the value the regex gave up on.
        Assert.Equal("/clientdata", Assert.Single(scan.Unjudged).JsonPointer);
    }

    [Fact]
    public void The_built_in_catalog_finishes_judging_input_built_to_make_it_backtrack()
    {
        var detector = new SecretDetector(SecretPatternCatalog.LoadDefault());
        var json = Encoding.UTF8.GetBytes("{\"a\":\"" + Catastrophic + "\",\"b\":\"AccountKey=" + new string('A', 5000) + "\"}");

        Assert.True(detector.Inspect(json).Complete);
    }
}
