using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// The names an edit redeclared only by adding members (an overload beside the old ones, each still written
/// the same in the same type), with the declarations added. Overload resolution and name look-up compare
/// candidates pair by pair, so a mention that binds now to anything but an added member bound to the same
/// before: adding candidates can only take a mention over, never move it to another old one. Such a mention
/// is not edited (<see cref="EditedCode.Finish"/>); without this, an overload of a name mentioned across a
/// project (Roslyn's <c>GetProjectState</c>, on every solution and project state) made every mentioner, and
/// everything built on each of them, analysed again. Constructors, called without their name, never get here:
/// nothing is carried across their redeclaration (<see cref="Redeclarations"/>).
/// </summary>
internal sealed class AddedMembers
{
    private readonly Dictionary<string, List<SyntaxNode>> _added = new(System.StringComparer.Ordinal);
    private readonly HashSet<string> _otherwise = new(System.StringComparer.Ordinal);

    /// <summary>Notes a file's redeclaration of the name: the declarations it added, or null when it also removed or rewrote one.</summary>
    public void Note(string name, List<SyntaxNode>? added)
    {
        if (added is null)
        {
            _otherwise.Add(name);
            return;
        }

        if (!_added.TryGetValue(name, out var all)) _added[name] = all = new List<SyntaxNode>(added.Count);
        all.AddRange(added);
    }

    /// <summary>The name's mentions may mean something else for another reason (the relevance index's answers): every mention counts.</summary>
    public void Rebound(string name) => _otherwise.Add(name);

    /// <summary>
    /// Mentions bound at most, per name: binding one binds the member that holds it. A name mentioned more often
    /// (an <c>Add</c> overloaded) has every mentioner edited, as if nothing were known; most of what was built on
    /// them would be made again anyway.
    /// </summary>
    public const int MaxMentionsBound = 512;

    /// <summary>
    /// The members the name's redeclarations added, in the compilation; null when its mentions cannot be told
    /// apart (a member removed or rewritten, rebound for another reason, a declaration with no symbol) or are too
    /// many to bind (<see cref="MaxMentionsBound"/>).
    /// </summary>
    public HashSet<ISymbol>? SymbolsOf(string name, Compilation compilation, IEnumerable<SyntaxTree> trees, CancellationToken cancellationToken)
    {
        if (_otherwise.Contains(name) || !_added.TryGetValue(name, out var declarations))
        {
            return null;
        }

        var mentions = 0;
        foreach (var tree in trees)
        {
            mentions += TreeIndex.For(tree, cancellationToken).PositionsOf(name).Count;
            if (mentions > MaxMentionsBound) return null;
        }

        var symbols = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var declaration in declarations)
        {
            if (!compilation.ContainsSyntaxTree(declaration.SyntaxTree))
            {
                return null;
            }

#pragma warning disable RS1030 // The analyzer driver serves a cached model for trees of the compilation being analysed.
            var symbol = compilation.GetSemanticModel(declaration.SyntaxTree).GetDeclaredSymbol(declaration, cancellationToken);
#pragma warning restore RS1030
            if (symbol is null) return null;
            symbols.Add(symbol.OriginalDefinition);
        }

        return symbols;
    }

    /// <summary>
    /// False only when the mention binds to one symbol and it is none of the added ones; an unresolved or
    /// ambiguous mention, a method group, <c>nameof</c>, may stand for an added member.
    /// </summary>
    public static bool MayBindTo(HashSet<ISymbol> added, SyntaxNode? mention, SemanticModel model, CancellationToken cancellationToken)
    {
        if (mention is not SimpleNameSyntax name || model.GetSymbolInfo(name, cancellationToken).Symbol is not { } symbol)
        {
            return true;
        }

        if (symbol is IMethodSymbol { ReducedFrom: { } extension }) symbol = extension;
        return added.Contains(symbol.OriginalDefinition);
    }
}
