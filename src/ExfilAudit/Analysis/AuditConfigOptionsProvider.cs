using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ExfilAudit.Analysis;

/// <summary>Gives the analyzers the audit's exfil_analyzers.* options, the same for every file.</summary>
internal sealed class AuditConfigOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly Options _options;

    public AuditConfigOptionsProvider(ImmutableDictionary<string, string> values)
    {
        _options = new Options(values);
    }

    public override AnalyzerConfigOptions GlobalOptions => _options;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;

    private sealed class Options : AnalyzerConfigOptions
    {
        private readonly ImmutableDictionary<string, string> _values;

        public Options(ImmutableDictionary<string, string> values)
        {
            _values = values;
        }

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
    }
}
