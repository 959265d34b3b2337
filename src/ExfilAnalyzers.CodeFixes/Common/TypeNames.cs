using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ExfilAnalyzers.CodeFixes.Common;

/// <summary>
/// How fixed code names a type it did not mention before: by its simple name when that already means the type
/// where it is written, or after a using directive for its namespace when the simple name means nothing there
/// yet; otherwise fully qualified. Usings are added once per document, in the order the file keeps them.
/// </summary>
internal sealed class TypeNames
{
    private readonly SortedSet<string> _namespaces = new(StringComparer.Ordinal);

    public TypeSyntax NameAt(INamedTypeSymbol type, SemanticModel model, int position)
    {
        // The type may come from another version of the compilation (a helper just added): compare by name.
        var fullName = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        var visible = model.LookupNamespacesAndTypes(position, name: type.Name);
        if (visible.Length == 1 && visible[0].ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) == fullName)
        {
            return SyntaxFactory.IdentifierName(type.Name);
        }

        if (visible.IsEmpty && type.ContainingType is null && !type.ContainingNamespace.IsGlobalNamespace && !type.IsGenericType)
        {
            _namespaces.Add(type.ContainingNamespace.ToDisplayString());
            return SyntaxFactory.IdentifierName(type.Name);
        }

        return SyntaxFactory.ParseTypeName(fullName);
    }

    /// <summary>How to write a type at one position of the document.</summary>
    public Func<INamedTypeSymbol, TypeSyntax> At(SemanticModel model, int position) => type => NameAt(type, model, position);

    /// <summary>The root with a using directive for each namespace a name needed.</summary>
    public SyntaxNode AddUsings(SyntaxNode root)
    {
        if (_namespaces.Count == 0 || root is not CompilationUnitSyntax unit)
        {
            return root;
        }

        // Usings go where the file keeps them: inside its namespace if that is the only place they are.
        var holder = unit.Usings.Count == 0
            && unit.Members.FirstOrDefault() is BaseNamespaceDeclarationSyntax { Usings.Count: > 0 } ns
            ? (SyntaxNode)ns
            : unit;
        var usings = holder is BaseNamespaceDeclarationSyntax inner ? inner.Usings : unit.Usings;
        var newLine = SyntaxFactory.EndOfLine(Layout.NewLineOf(root));
        foreach (var name in _namespaces)
        {
            if (usings.Any(u => u.Alias is null && u.StaticKeyword.IsKind(SyntaxKind.None) && u.Name?.ToString() == name))
            {
                continue;
            }

            var index = 0;
            while (index < usings.Count && Compare(usings[index], name) < 0)
            {
                index++;
            }

            var indentation = usings.Count > 0 ? Layout.Indentation(usings[Math.Min(index, usings.Count - 1)].GetLeadingTrivia()) : SyntaxTriviaList.Empty;
            var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(name).WithLeadingTrivia(SyntaxFactory.Space))
                .WithLeadingTrivia(indentation)
                .WithTrailingTrivia(newLine);
            if (index == 0 && usings.Count > 0)
            {
                // A file header above the first using stays at the top of the file.
                directive = directive.WithLeadingTrivia(usings[0].GetLeadingTrivia());
                usings = usings.Replace(usings[0], usings[0].WithLeadingTrivia(indentation));
            }
            else if (usings.Count == 0)
            {
                directive = directive.WithTrailingTrivia(newLine, newLine);
            }

            usings = usings.Insert(index, directive);
        }

        if (holder is BaseNamespaceDeclarationSyntax namespaceHolder)
        {
            return root.ReplaceNode(namespaceHolder, namespaceHolder.WithUsings(usings));
        }

        return unit.Usings.Count == 0 ? WithHeaderFirst(unit, usings) : unit.WithUsings(usings);
    }

    /// <summary>
    /// The file's first usings, below the comment that opens the file (a licence header) rather than above it;
    /// a documentation comment stays with its declaration.
    /// </summary>
    private static CompilationUnitSyntax WithHeaderFirst(CompilationUnitSyntax unit, SyntaxList<UsingDirectiveSyntax> usings)
    {
        var first = unit.GetFirstToken(includeZeroWidth: true);
        var leading = first.LeadingTrivia;
        var split = 0;
        while (split < leading.Count && !leading[split].IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia)
            && !leading[split].IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia) && !leading[split].IsDirective)
        {
            split++;
        }

        while (split > 0 && leading[split - 1].IsKind(SyntaxKind.WhitespaceTrivia))
        {
            split--;
        }

        var header = SyntaxFactory.TriviaList(leading.Take(split));
        var rest = SyntaxFactory.TriviaList(leading.Skip(split));
        usings = usings.Replace(usings[0], usings[0].WithLeadingTrivia(header.AddRange(usings[0].GetLeadingTrivia())));
        return unit.ReplaceToken(first, first.WithLeadingTrivia(rest)).WithUsings(usings);
    }

    /// <summary>System namespaces first, then ordinal, as dotnet_sort_system_directives_first asks.</summary>
    private static int Compare(UsingDirectiveSyntax existing, string name)
    {
        if (existing.Alias is not null || !existing.StaticKeyword.IsKind(SyntaxKind.None))
        {
            return 1;
        }

        var other = existing.Name?.ToString() ?? "";
        var otherIsSystem = other == "System" || other.StartsWith("System.", StringComparison.Ordinal);
        var nameIsSystem = name == "System" || name.StartsWith("System.", StringComparison.Ordinal);
        if (otherIsSystem != nameIsSystem)
        {
            return otherIsSystem ? -1 : 1;
        }

        return string.Compare(other, name, StringComparison.OrdinalIgnoreCase);
    }
}
