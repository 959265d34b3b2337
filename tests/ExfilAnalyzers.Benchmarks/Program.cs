using System;
using System.IO;
using System.Threading;
using ExfilAnalyzers.Benchmarks;
using ExfilAnalyzers.Benchmarks.Report;

BenchmarkOptions options;
try
{
    options = BenchmarkOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

var result = await new BenchmarkRun(options, Console.Out).RunAsync(CancellationToken.None);
var report = ResultReport.Write(result);
Directory.CreateDirectory(options.OutputFolder);
File.WriteAllText(Path.Combine(options.OutputFolder, "results.md"), report);
if (!result.Real.IsEmpty)
{
    File.WriteAllText(Path.Combine(options.OutputFolder, "findings.md"), FindingsList.Write(result.Real, ResultReport.Ours(result)));
}

Console.WriteLine();
Console.WriteLine(report);
Console.WriteLine($"Written to {options.OutputFolder}: results.md" + (result.Real.IsEmpty ? "" : ", findings.md"));
return 0;
