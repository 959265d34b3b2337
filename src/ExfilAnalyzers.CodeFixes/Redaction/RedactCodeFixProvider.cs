using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using ExfilAnalyzers.CodeFixes.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ExfilAnalyzers.CodeFixes.Redaction;

/// <summary>
/// Redact (EXF1001–EXF1003, EXF1005, EXF1006): "Redact with &lt;redactor&gt;" for each Redactor,
/// IRedactorProvider or declared sanitizer in scope, "Replace with a keyed hash" (unless hashes do not count
/// as redaction here), and "Remove the value". Each is offered only where it applies, with Fix All.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RedactCodeFixProvider)), Shared]
public sealed class RedactCodeFixProvider : CodeFixProvider
{
    private static readonly RedactionFixer Fixer = new();

    public override ImmutableArray<string> FixableDiagnosticIds => ExfilIds.Redactable;

    public override FixAllProvider GetFixAllProvider() =>
        new ProjectByProjectFixAllProvider(Fixer, ExfilIds.Redactable, key => RedactionChoice.FromKey(key)?.Title ?? "Redact");

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var document = context.Document;
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        var types = FrameworkTypes.For(model.Compilation);
        var declared = DeclaredModels.Read(document.Project, model.Compilation, context.CancellationToken);
        var hashIsRedaction = FixOptions.For(document, root.SyntaxTree).HashIsRedaction;
        foreach (var diagnostic in context.Diagnostics)
        {
            var values = SensitiveValueLocator.Locate(root, model, diagnostic, context.CancellationToken);
            if (values.IsEmpty)
            {
                continue;
            }

            // A redactor is offered when every value can reach it.
            var redactors = values
                .Select(value => RedactorInScope.At(model, value.SpanStart, types, declared).Select(r => r.Name))
                .Aggregate((common, next) => common.Intersect(next));
            foreach (var name in redactors)
            {
                Register(context, diagnostic, new RedactionChoice(RedactionKind.RedactWith, name));
            }

            if (hashIsRedaction)
            {
                Register(context, diagnostic, new RedactionChoice(RedactionKind.KeyedHash));
            }

            Register(context, diagnostic, new RedactionChoice(RedactionKind.Remove));
        }
    }

    private static void Register(CodeFixContext context, Diagnostic diagnostic, RedactionChoice choice)
    {
        var key = choice.EquivalenceKey;
        context.RegisterCodeFix(
            CodeAction.Create(choice.Title, ct => Fixer.FixAsync(context.Document.Project.Solution,
                ImmutableArray.Create(new DocumentDiagnostics(context.Document.Id, ImmutableArray.Create(diagnostic))), key, ct), key),
            diagnostic);
    }
}
