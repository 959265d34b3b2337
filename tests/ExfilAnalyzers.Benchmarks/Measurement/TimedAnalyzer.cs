using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ExfilAnalyzers.Benchmarks.Measurement;

/// <summary>
/// An analyzer run as it is, with every callback it registers timed by a <see cref="CallbackClock"/>. The
/// driver sees the same registrations, diagnostics and options; only the delegates are wrapped.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class TimedAnalyzer : DiagnosticAnalyzer
{
    private readonly CallbackClock _clock;

    public TimedAnalyzer(DiagnosticAnalyzer inner, CallbackClock clock)
    {
        Inner = inner;
        _clock = clock;
    }

    public DiagnosticAnalyzer Inner { get; }

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Inner.SupportedDiagnostics;

    // RS1025, RS1026: the wrapped analyzer configures generated code and concurrency itself, through the forwarding context.
#pragma warning disable RS1025, RS1026
    public override void Initialize(AnalysisContext context) => Inner.Initialize(new TimedAnalysisContext(context, _clock));
#pragma warning restore RS1025, RS1026
}
