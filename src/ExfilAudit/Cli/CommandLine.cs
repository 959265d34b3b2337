using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace ExfilAudit.Cli;

/// <summary>Parses the command line; every mistake is one line that says what to type instead.</summary>
internal static class CommandLine
{
    public const string Usage = """
        Usage: exfil-audit <path> [options]
               exfil-audit --package <Id@Version> [options]

        <path>  a .sln, .slnx or .csproj; a folder (its project or solution, else its .cs files);
                a .dll or .exe (decompiled); a .nupkg or .vsix (unzipped, then decompiled)

        Options:
          --package <Id@Version>   restore a NuGet package through your configured sources and audit it
          --source <source>        an extra NuGet source for --package and package dependencies (repeatable)
          --models <file>          an ExfilModels.txt with your own sources, sinks, sanitizers, gates, endpoints
          --config <file>          a .globalconfig with exfil_analyzers.* options and dotnet_diagnostic.EXFnnnn.severity
          --strict                 report flows behind consent gates too, and turn on EXF1007
          --severity <level>       lowest severity to report: error, warning, info or hidden (default info)
          --baseline <sarif>       report only findings that are not in this earlier SARIF report
          --sarif <file>           write SARIF 2.1.0
          --html <file>            write a self-contained HTML report
          --out <dir>              where decompiled projects go (default: beside the input, else the temp folder)
          --no-restore             do not restore a project that has never been restored
          --version                print the version
          -h, --help               print this help

        Exit codes: 0 no findings, 1 findings, 2 error.
        """;

    public static AuditOptions Parse(IReadOnlyList<string> args)
    {
        var options = new AuditOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "-h" or "--help" or "-?":
                    options.ShowHelp = true;
                    break;
                case "--version":
                    options.ShowVersion = true;
                    break;
                case "--strict":
                    options.Strict = true;
                    break;
                case "--no-restore":
                    options.NoRestore = true;
                    break;
                case "--package":
                    options.Package = ValueOf(args, ref i);
                    break;
                case "--source":
                    options.Sources.Add(ValueOf(args, ref i));
                    break;
                case "--models":
                    options.ModelsFile = ValueOf(args, ref i);
                    break;
                case "--config":
                    options.ConfigFile = ValueOf(args, ref i);
                    break;
                case "--severity":
                    options.MinimumSeverity = ParseSeverity(ValueOf(args, ref i));
                    break;
                case "--baseline":
                    options.BaselineFile = ValueOf(args, ref i);
                    break;
                case "--sarif":
                    options.SarifFile = ValueOf(args, ref i);
                    break;
                case "--html":
                    options.HtmlFile = ValueOf(args, ref i);
                    break;
                case "--out":
                    options.OutDirectory = ValueOf(args, ref i);
                    break;
                default:
                    if (arg.StartsWith("-", StringComparison.Ordinal) && arg.Length > 1)
                    {
                        throw new AuditException($"unknown option '{arg}'; see exfil-audit --help");
                    }

                    if (options.InputPath is not null)
                    {
                        throw new AuditException($"one input at a time: got '{options.InputPath}' and '{arg}'");
                    }

                    options.InputPath = arg;
                    break;
            }
        }

        if (!options.ShowHelp && !options.ShowVersion)
        {
            if (options.InputPath is null && options.Package is null)
            {
                throw new AuditException("nothing to audit: give a path or --package Id@Version; see exfil-audit --help");
            }

            if (options.InputPath is not null && options.Package is not null)
            {
                throw new AuditException("give either a path or --package, not both");
            }
        }

        return options;
    }

    private static string ValueOf(IReadOnlyList<string> args, ref int i)
    {
        if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new AuditException($"{args[i]} needs a value; see exfil-audit --help");
        }

        i++;
        return args[i];
    }

    private static DiagnosticSeverity ParseSeverity(string text) => text.ToLowerInvariant() switch
    {
        "error" => DiagnosticSeverity.Error,
        "warning" or "warn" => DiagnosticSeverity.Warning,
        "info" or "information" or "suggestion" or "note" => DiagnosticSeverity.Info,
        "hidden" or "silent" => DiagnosticSeverity.Hidden,
        _ => throw new AuditException($"--severity takes error, warning, info or hidden, not '{text}'"),
    };
}
