using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ExfilAnalyzers.CodeFixes.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ExfilAnalyzers.CodeFixes.Gating;

/// <summary>
/// The statements a consent check must hold so that the code still compiles and means the same: control and
/// data flow questions answered by the compiler's own region analysis.
/// </summary>
internal static class StatementRegion
{
    /// <summary>
    /// Statement <paramref name="index"/> of the list, with every later statement that reads or writes a
    /// variable it declares (they would lose it), or that a variable it assigns first must reach; to the end of
    /// the list when it declares a using variable (disposed there).
    /// </summary>
    public static StatementRange? Extend(SyntaxNode list, int index, SemanticModel model, CancellationToken cancellationToken)
    {
        var statements = Statements(list);
        var last = index;
        while (true)
        {
            var flow = model.AnalyzeDataFlow(statements[index], statements[last]);
            if (flow is null || !flow.Succeeded)
            {
                return null;
            }

            var needed = new HashSet<ISymbol>(flow.VariablesDeclared, SymbolEqualityComparer.Default);
            foreach (var variable in flow.DataFlowsOut)
            {
                if (!flow.DefinitelyAssignedOnEntry.Contains(variable))
                {
                    needed.Add(variable);
                }
            }

            var newLast = DeclaresUsing(statements, index, last) ? statements.Count - 1 : LastUse(statements, last, needed, model, cancellationToken);
            if (newLast == last)
            {
                return new StatementRange(list, index, last);
            }

            last = newLast;
        }
    }

    /// <summary>True when wrapping the range in an if changes no jump: nothing enters it from outside, nothing leaves it early (unless allowed).</summary>
    public static bool CanWrap(StatementRange range, SemanticModel model, bool allowExits)
    {
        var statements = Statements(range.List);
        var first = statements[range.First];
        var last = statements[range.Last];
        if (statements.Skip(range.First).Take(range.Last - range.First + 1).Any(s => s is LocalFunctionStatementSyntax))
        {
            // A local function declared here may be called from outside the check.
            return false;
        }

        var flow = model.AnalyzeControlFlow(first, last);
        return flow is not null && flow.Succeeded && flow.EntryPoints.IsEmpty && (allowExits || flow.ExitPoints.IsEmpty);
    }

    public static bool CanWrap(StatementSyntax statement, SemanticModel model)
    {
        var flow = model.AnalyzeControlFlow(statement);
        return flow is not null && flow.Succeeded && flow.EntryPoints.IsEmpty && flow.ExitPoints.IsEmpty;
    }

    /// <summary>The statements of a list, a top-level program's unwrapped from their global statements.</summary>
    public static IReadOnlyList<StatementSyntax> Statements(SyntaxNode list) => list switch
    {
        BlockSyntax block => block.Statements,
        SwitchSectionSyntax section => section.Statements,
        CompilationUnitSyntax unit => unit.Members.OfType<GlobalStatementSyntax>().Select(g => g.Statement).ToList(),
        _ => new List<StatementSyntax>(),
    };

    private static bool DeclaresUsing(IReadOnlyList<StatementSyntax> statements, int first, int last)
    {
        for (var i = first; i <= last; i++)
        {
            if (statements[i] is LocalDeclarationStatementSyntax declaration && !declaration.UsingKeyword.IsKind(SyntaxKind.None))
            {
                return true;
            }
        }

        return false;
    }

    private static int LastUse(IReadOnlyList<StatementSyntax> statements, int last, HashSet<ISymbol> variables, SemanticModel model,
        CancellationToken cancellationToken)
    {
        if (variables.Count == 0)
        {
            return last;
        }

        var names = new HashSet<string>(variables.Select(v => v.Name));
        var result = last;
        for (var i = last + 1; i < statements.Count; i++)
        {
            foreach (var name in statements[i].DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (names.Contains(name.Identifier.ValueText) && model.GetSymbolInfo(name, cancellationToken).Symbol is { } symbol
                    && variables.Contains(symbol))
                {
                    result = i;
                    break;
                }
            }
        }

        return result;
    }
}
