using System;
using System.Threading;
using ExfilAnalyzers.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// Everything the engine needs that is built once per compilation: the models, the well-known types,
/// the options of each tree, and the summaries of the compilation's methods.
/// </summary>
internal sealed class FlowContext
{
    private readonly AnalyzerConfigOptionsProvider? _optionsProvider;

    public FlowContext(Compilation compilation, ModelCatalog catalog, AnalyzerConfigOptionsProvider? optionsProvider)
    {
        Compilation = compilation;
        Catalog = catalog;
        _optionsProvider = optionsProvider;
        Members = new MemberIndex(compilation, Relevance);
        Dispatch = new DispatchTargets(compilation, Fingerprint);
        Carry = new AnswerCarry(this);
        Summaries = new SummaryStore(this);
        Sending = new SendingReach(this);
    }

    public MemberIndex Members { get; }

    // Boxed: threads that race to compute it each read a whole value (a nullable long is two fields).
    private object? _fingerprint;

    /// <summary>What binding depends on beyond the code (<see cref="DeclarationFingerprint"/>), computed on first use.</summary>
    public long Fingerprint(CancellationToken cancellationToken) =>
        (long)(_fingerprint ??= DeclarationFingerprint.Of(Compilation, Catalog, cancellationToken));

    /// <summary>Which members can matter at all, by name; built on first use.</summary>
    public RelevanceIndex Relevance(CancellationToken cancellationToken)
    {
        if (_relevance is null)
        {
            Interlocked.CompareExchange(ref _relevance, RelevanceIndex.Build(Compilation, Catalog, SinksMatter, cancellationToken), null);
        }

        return _relevance!;
    }

    private RelevanceIndex? _relevance;

    /// <summary>EXF1007 reports sink calls that carry nothing: when it is on anywhere, every sink call matters.</summary>
    public bool SinksMatter { get; init; }

    public DispatchTargets Dispatch { get; }

    public Compilation Compilation { get; }

    public ModelCatalog Catalog { get; }

    public WellKnownTypes Types => Catalog.Types;

    /// <summary>The answers taken over from the project's last compilation, and kept for its next.</summary>
    public AnswerCarry Carry { get; }

    public SummaryStore Summaries { get; }

    /// <summary>Whether a method's analysis can find a sink call at all, by what its body binds to.</summary>
    public SendingReach Sending { get; }

    /// <summary>Cost bound of one method's analysis, counted in evaluated operations, nested functions included.</summary>
    public int OperationBudget { get; set; } = 200_000;

    public ExfilOptions OptionsFor(SyntaxTree? tree)
    {
        if (tree is null || _optionsProvider is null)
        {
            return ExfilOptions.Default;
        }

        try
        {
            return ExfilOptions.Read(_optionsProvider.GetOptions(tree));
        }
        catch (ArgumentException)
        {
            // A tree the provider does not know (a tree of another compilation): the defaults apply.
            return ExfilOptions.Default;
        }
    }
}
