using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ExfilAnalyzers.Benchmarks.Measurement;

/// <summary>
/// An analyzer that binds every method body to operations and builds its control flow graph, and does
/// nothing else: the least an analysis of operations and graphs pays for each body it looks at. Ours binds
/// and graphs only the bodies the relevance filter keeps, so its time minus this one's share is what the
/// flow engine itself costs. It also counts the bodies, for the share the filter keeps.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class BindingFloor : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Unused = new("BENCH0002", "Unused", "Unused", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    private static readonly BindingFloor Instance = new();

    private int _bodies;

    public static AnalyzerSuite Suite { get; } = new("Binding floor (every body bound and graphed)", ImmutableArray.Create<DiagnosticAnalyzer>(Instance), IsOurs: false);

    /// <summary>The bodies graphed since the last call: one run's, when read after each run.</summary>
    public static int TakeBodies() => Interlocked.Exchange(ref Instance._bodies, 0);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Unused);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterOperationBlockAction(block =>
        {
            // A body's block hangs under its method's or constructor's body operation, the root a graph is built from.
            var roots = new HashSet<IOperation>();
            foreach (var operation in block.OperationBlocks)
            {
                var root = operation;
                while (root.Parent is not null) root = root.Parent;
                // Graphed as our engine graphs a body; initializers are not method bodies, and not counted.
                if (root is IMethodBodyOperation or IConstructorBodyOperation or IBlockOperation && roots.Add(root)
                    && Flow.MethodBodies.CreateGraph(root, block.CancellationToken) is not null)
                {
                    Interlocked.Increment(ref _bodies);
                }
            }
        });
    }
}
