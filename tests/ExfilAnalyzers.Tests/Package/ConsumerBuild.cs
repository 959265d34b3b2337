using System.Collections.Generic;
using System.Linq;

namespace ExfilAnalyzers.Tests.Package;

/// <summary>The result of one `dotnet build` of a consumer project, with the EXF diagnostics it printed.</summary>
internal sealed class ConsumerBuild
{
    public ConsumerBuild(CommandResult result)
    {
        Result = result;
        Diagnostics = BuildDiagnostic.Parse(result.Output);
    }

    public CommandResult Result { get; }

    public IReadOnlyList<BuildDiagnostic> Diagnostics { get; }

    public IEnumerable<BuildDiagnostic> WithId(string id) => Diagnostics.Where(d => d.Id == id);

    /// <summary>The command, its EXF diagnostics and its whole output, for an assertion message.</summary>
    public string Describe() =>
        $"EXF diagnostics:\n  {string.Join("\n  ", Diagnostics)}\n\n{Result.Describe()}";
}
