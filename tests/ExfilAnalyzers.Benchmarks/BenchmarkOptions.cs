using System;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;

namespace ExfilAnalyzers.Benchmarks;

/// <summary>The command line: how much to measure, and where to write the results.</summary>
internal sealed record BenchmarkOptions(
    bool Quick,
    int Runs,
    int ScalingRuns,
    double RepeatLimitSeconds,
    double TimeLimitMinutes,
    ImmutableArray<int> Scales,
    int Edits,
    string OutputFolder,
    bool FreshCorpus,
    bool SkipReal,
    bool SkipGenerated,
    bool OursOnly,
    bool SkipCallSeries,
    ImmutableArray<int> ChainLengths,
    ImmutableArray<int> CallSiteCounts)
{
    /// <summary>Skip the IDE case on the real corpus (files of each project edited and re-analysed, ours alone).</summary>
    public bool SkipRealEdits { get; init; }

    public const string Usage = """
        Usage: ExfilAnalyzers.Benchmarks [--quick] [--runs N] [--scaling-runs N] [--edits N] [--repeat-limit SECONDS] [--time-limit MINUTES] [--output FOLDER] [--fresh-corpus] [--generated-only | --real-only | --chains-only | --ide-only] [--ours-only] [--no-real-edits]
          --quick          one measured run, the three smallest corpus packages, scales 1x to 8x, three edits
          --runs N         measured runs after the warm-up; medians are reported (default 3)
          --scaling-runs N measured runs of each size of the generated corpus (default 5), one of every size per round:
                           its growth factors divide medians of a second or two, which three runs leave at the mercy of the
                           machine's noise
          --edits N        files edited in the IDE case, each then typed on once, after a warm-up edit (default 10)
          --repeat-limit S a suite whose first run on a project took longer than S seconds is not run again (default 90)
          --time-limit M   a suite run longer than M minutes is cancelled and reported as a lower bound (default 4; 0: none)
          --output FOLDER  where results.md, findings.md and the decompiled corpus go (default artifacts/benchmark)
          --fresh-corpus   decompile the packages again instead of reusing the cached output
          --generated-only skip the real corpus
          --real-only      skip the generated corpus, its IDE case and the call chains
          --chains-only    only the call-chain and call-site series (ours alone): quick to iterate on the interprocedural analysis
          --ide-only       only the 8x generated corpus and the IDE case: quick to iterate on per-edit cost
          --ours-only      measure ExfilAnalyzers alone, without the peers (for triage and profiling)
          --no-real-edits  skip the IDE case on the real corpus (three files of each project edited and re-analysed)
        """;

    public static BenchmarkOptions Parse(string[] args)
    {
        var options = new BenchmarkOptions(false, 3, 5, 90, 4, ImmutableArray.Create(1, 2, 4, 8), 10,
            Path.Combine(Directory.GetCurrentDirectory(), "artifacts", "benchmark"), false, false, false, false,
            false, ImmutableArray.Create(10, 20, 40, 80, 160), ImmutableArray.Create(200, 400, 800, 1600));
        for (var i = 0; i < args.Length; i++)
        {
            options = args[i] switch
            {
                "--quick" => options with { Quick = true, Runs = 1, ScalingRuns = 1, Edits = 3 },
                "--runs" => options with { Runs = int.Parse(Value(args, ++i), CultureInfo.InvariantCulture) },
                "--scaling-runs" => options with { ScalingRuns = int.Parse(Value(args, ++i), CultureInfo.InvariantCulture) },
                "--edits" => options with { Edits = int.Parse(Value(args, ++i), CultureInfo.InvariantCulture) },
                "--repeat-limit" => options with { RepeatLimitSeconds = double.Parse(Value(args, ++i), CultureInfo.InvariantCulture) },
                "--time-limit" => options with { TimeLimitMinutes = double.Parse(Value(args, ++i), CultureInfo.InvariantCulture) },
                "--output" => options with { OutputFolder = Path.GetFullPath(Value(args, ++i)) },
                "--fresh-corpus" => options with { FreshCorpus = true },
                "--generated-only" => options with { SkipReal = true },
                "--real-only" => options with { SkipGenerated = true, SkipCallSeries = true },
                "--chains-only" => options with { SkipReal = true, SkipGenerated = true, OursOnly = true },
                "--ours-only" => options with { OursOnly = true },
                "--no-real-edits" => options with { SkipRealEdits = true },
                "--ide-only" => options with { SkipReal = true, SkipCallSeries = true, Scales = ImmutableArray.Create(8) },
                _ => throw new ArgumentException($"Unknown argument '{args[i]}'.\n{Usage}"),
            };
        }

        if (options.TimeLimitMinutes <= 0)
        {
            options = options with { TimeLimitMinutes = 24 * 60 };
        }

        return options.Runs < 1 ? throw new ArgumentException("--runs must be at least 1.")
            : options.ScalingRuns < 1 ? throw new ArgumentException("--scaling-runs must be at least 1.")
            : options.Edits < 1 ? throw new ArgumentException("--edits must be at least 1.")
            : options;
    }

    public Measurement.RunLimits Limits => new(Runs, TimeSpan.FromSeconds(RepeatLimitSeconds), TimeSpan.FromMinutes(TimeLimitMinutes));

    /// <summary>The limits of the generated corpus's scaling series: more runs than elsewhere, since its sizes are small.</summary>
    public Measurement.RunLimits ScalingLimits => Limits with { Runs = ScalingRuns };

    public string CorpusCache => Path.Combine(OutputFolder, "corpus");

    private static string Value(string[] args, int index) =>
        index < args.Length ? args[index] : throw new ArgumentException($"{args[index - 1]} needs a value.\n{Usage}");
}
