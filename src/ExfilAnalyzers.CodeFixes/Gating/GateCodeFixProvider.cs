using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using ExfilAnalyzers.CodeFixes.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ExfilAnalyzers.CodeFixes.Gating;

/// <summary>
/// Gate (EXF1001–EXF1007): wraps the sink's statement in a consent check, the gate ExfilModels.txt declares
/// when one is reachable there, otherwise a generated opt-in check that is off until the user turns it on.
/// Not offered where a gate would not silence the diagnostic (exfil_analyzers.report_gated = true) or where
/// no statement can be skipped without changing what the code returns.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(GateCodeFixProvider)), Shared]
public sealed class GateCodeFixProvider : CodeFixProvider
{
    private static readonly GateFixer Fixer = new();

    public override ImmutableArray<string> FixableDiagnosticIds => ExfilIds.Gateable;

    public override FixAllProvider GetFixAllProvider() => new ProjectByProjectFixAllProvider(Fixer, ExfilIds.Gateable, GateChoice.TitleOfKey);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var document = context.Document;
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        var reportGated = FixOptions.For(document, root.SyntaxTree).ReportGated;
        var declared = DeclaredModels.Read(document.Project, model.Compilation, context.CancellationToken);
        foreach (var diagnostic in context.Diagnostics)
        {
            if ((reportGated && ExfilIds.IsSilencedByGate(diagnostic.Id))
                || GateTargetLocator.Locate(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true), model, context.CancellationToken) is not { } target)
            {
                continue;
            }

            var gate = DeclaredGateAccess.At(model, target.Wrapped.Start, declared).FirstOrDefault();
            var choice = gate is not null
                ? GateChoice.Declared(gate.Id, gate.Display)
                : GateChoice.OptIn(OptInHelper.VariableName(document.Project.AssemblyName));
            var key = choice.EquivalenceKey;
            context.RegisterCodeFix(
                CodeAction.Create(choice.Title, ct => Fixer.FixAsync(document.Project.Solution,
                    ImmutableArray.Create(new DocumentDiagnostics(document.Id, ImmutableArray.Create(diagnostic))), key, ct), key),
                diagnostic);
        }
    }
}
