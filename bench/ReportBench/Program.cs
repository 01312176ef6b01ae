using TenantScanner.TestKit.TenantGenerator.Samples;
using System.Diagnostics;
using TenantScanner.Cli.Reports;
using TenantScanner.Cli.Reports.Csv;
using TenantScanner.Cli.Reports.Pdf;

// Measures how long the PDF and CSV reports take for a large tenant, and writes the sample report for a
// visual check. Usage: dotnet run -c Release --project bench/ReportBench -- [findings=10000] [out=bench-out]
var count = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 10_000;
var folder = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), "report-bench");
Directory.CreateDirectory(folder);

// Warm-up: load fonts, JIT the layout code, on the small sample (also written for a visual check).
var sampleFolder = Path.Combine(folder, "sample");
new PdfReportWriter().Write(SampleScanResults.Sample(), new ReportContext(SampleScanResults.Previous()), sampleFolder);
new CsvReportWriter().Write(SampleScanResults.Sample(), new ReportContext(), sampleFolder);
// scan.json of the sample and of the week before, to try `scanner report --from … --previous …` by hand.
new JsonReportWriter().Write(SampleScanResults.Sample(), new ReportContext(), sampleFolder);
new JsonReportWriter().Write(SampleScanResults.Previous(), new ReportContext(), Path.Combine(folder, "previous"));

var large = SampleScanResults.Large(count);
var largeFolder = Path.Combine(folder, "large");
Measure($"PDF, {count:N0} findings", () => new PdfReportWriter().Write(large, new ReportContext(), largeFolder));
Measure($"CSV, {count:N0} findings", () => new CsvReportWriter().Write(large, new ReportContext(), largeFolder));

var pdf = new FileInfo(Path.Combine(largeFolder, PdfReportWriter.FileName));
using (var document = PdfSharp.Pdf.IO.PdfReader.Open(pdf.FullName, PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import))
    Console.WriteLine($"report.pdf: {document.PageCount:N0} pages, {pdf.Length / 1024.0:N0} KB");
Console.WriteLine($"sample report: {Path.Combine(sampleFolder, PdfReportWriter.FileName)}");

static void Measure(string label, Action action)
{
    const int runs = 3;
    var times = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        var watch = Stopwatch.StartNew();
        action();
        times.Add(watch.Elapsed.TotalSeconds);
    }
    times.Sort();
    Console.WriteLine($"{label}: median {times[runs / 2]:F2} s (min {times[0]:F2} s, max {times[^1]:F2} s, {runs} runs)");
}
