using System.Collections.Immutable;
using ExfilAnalyzers.Flow;
using ExfilAnalyzers.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ExfilAnalyzers.Rules;

/// <summary>
/// EXF1001–EXF1007: runs the flow engine on each method body and reports what reaches a sink.
/// Everything per compilation is built once in the compilation-start callback; each body costs a
/// syntax check, then a look at what it binds to (<see cref="SendingReach"/>), and a control-flow
/// graph only when those say it may report.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ExfilFlowAnalyzer : DiagnosticAnalyzer
{
    private static readonly ImmutableArray<SyntaxKind> BodyKinds = ImmutableArray.Create(
        SyntaxKind.MethodDeclaration,
        SyntaxKind.ConstructorDeclaration,
        SyntaxKind.DestructorDeclaration,
        SyntaxKind.OperatorDeclaration,
        SyntaxKind.ConversionOperatorDeclaration,
        SyntaxKind.GetAccessorDeclaration,
        SyntaxKind.SetAccessorDeclaration,
        SyntaxKind.InitAccessorDeclaration,
        SyntaxKind.AddAccessorDeclaration,
        SyntaxKind.RemoveAccessorDeclaration,
        SyntaxKind.ArrowExpressionClause,
        SyntaxKind.PrimaryConstructorBaseType,
        SyntaxKind.CompilationUnit);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        ExfilDescriptors.SourceTextReachesSink,
        ExfilDescriptors.SymbolNameReachesSink,
        ExfilDescriptors.RepositoryMetadataReachesSink,
        ExfilDescriptors.ContentTriggeredTelemetry,
        ExfilDescriptors.ObfuscatedPayload,
        ExfilDescriptors.UndeclaredEndpoint,
        ExfilDescriptors.UngatedTelemetry);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var userModels = UserModelsReader.Read(start.Options.AdditionalFiles, start.CancellationToken);
            var catalog = RecentCatalogs.For(start.Compilation, ModelTable.BuiltIn, userModels, start.CancellationToken);
            var flow = new FlowContext(start.Compilation, catalog, start.Options.AnalyzerConfigOptionsProvider)
            {
                SinksMatter = RuleSeverity.MayBeOn(start.Compilation, start.Options, ExfilDescriptors.UngatedTelemetry),
            };
            start.RegisterSyntaxNodeAction(node => AnalyzeBody(node, flow), BodyKinds);
        });
    }

    private static void AnalyzeBody(SyntaxNodeAnalysisContext context, FlowContext flow)
    {
        // Compilers before 4.9 call back twice for a primary constructor's base call, once for its type
        // (dotnet/roslyn#70488): only the constructor's own callback counts.
        if (context.Node is PrimaryConstructorBaseTypeSyntax && context.ContainingSymbol is not IMethodSymbol)
        {
            return;
        }

        if (!Matters(context.Node, flow, context.CancellationToken)
            || MethodOf(context.Node, context.SemanticModel, context.CancellationToken) is not { } method)
        {
            return;
        }

        if (!flow.Sending.MaySend(method, context.CancellationToken))
        {
            flow.Summaries.Skip(method);
            return;
        }

        WorkCounters.Root();
        var summary = flow.Summaries.ForRoot(method, context.CancellationToken);
        if (summary.SinkCalls.IsEmpty)
        {
            return;
        }

        var tree = context.Node.SyntaxTree;
        var options = flow.OptionsFor(tree);
        foreach (var call in summary.SinkCalls)
        {
            // A method's sink calls are reported from the declaration that holds them (partial methods).
            if (call.Node.SyntaxTree == tree && context.Node.FullSpan.Contains(call.Node.Span))
            {
                DiagnosticReporter.Report(call, options, flow.Catalog, context.ReportDiagnostic);
            }
        }
    }

    /// <summary>False for a body that cannot see sensitive data or cannot send: it is not even bound.</summary>
    private static bool Matters(SyntaxNode body, FlowContext flow, System.Threading.CancellationToken cancellationToken)
    {
        var relevance = flow.Relevance(cancellationToken);
        switch (body)
        {
            case CompilationUnitSyntax unit:
                // Top-level statements are one body: a source in one statement may reach a sink in another.
                bool matters = false, sends = false;
                foreach (var member in unit.Members)
                {
                    if (member is not GlobalStatementSyntax) continue;
                    matters |= relevance.Matters(body.SyntaxTree, member);
                    sends |= relevance.MaySend(body.SyntaxTree, member, cancellationToken);
                }

                return matters && sends;
            case AccessorDeclarationSyntax { Parent.Parent: { } property }:
                return relevance.MayReport(body.SyntaxTree, property, cancellationToken);
            case ArrowExpressionClauseSyntax { Parent: { } owner }:
                return relevance.MayReport(body.SyntaxTree, owner, cancellationToken);
            case PrimaryConstructorBaseTypeSyntax baseCall:
                // A primary constructor's code is its base call's arguments (TreeIndex.NameOf).
                return relevance.MayReport(body.SyntaxTree, baseCall.ArgumentList, cancellationToken);
            default:
                return relevance.MayReport(body.SyntaxTree, body, cancellationToken);
        }
    }

    /// <summary>The method whose body a node is, or null for nodes that are not bodies.</summary>
    private static IMethodSymbol? MethodOf(SyntaxNode node, SemanticModel model, System.Threading.CancellationToken cancellationToken)
    {
        switch (node)
        {
            case CompilationUnitSyntax unit:
                foreach (var member in unit.Members)
                {
                    if (member is GlobalStatementSyntax)
                    {
                        return model.GetEnclosingSymbol(member.SpanStart, cancellationToken) as IMethodSymbol;
                    }
                }

                return null;
            case ArrowExpressionClauseSyntax arrow when arrow.Parent is PropertyDeclarationSyntax or IndexerDeclarationSyntax:
                return (model.GetDeclaredSymbol(arrow.Parent, cancellationToken) as IPropertySymbol)?.GetMethod;
            case ArrowExpressionClauseSyntax:
                return null;
            case PrimaryConstructorBaseTypeSyntax baseCall:
                return ConstructorMention.PrimaryCalling(baseCall, model, cancellationToken);
            case BaseMethodDeclarationSyntax method when method.Body is not null || method.ExpressionBody is not null:
                return model.GetDeclaredSymbol(method, cancellationToken);
            case AccessorDeclarationSyntax accessor when accessor.Body is not null || accessor.ExpressionBody is not null:
                return model.GetDeclaredSymbol(accessor, cancellationToken);
            default:
                return null;
        }
    }
}
