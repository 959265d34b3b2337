using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// A place a value writes through (a field, property or event, <c>this</c>, or a parameter of the method
/// whose summary holds it, and the members below it), named so that the next compilation can find it
/// again: each symbol by its documentation id, a parameter by its place in the list, each of the
/// engine's own parts (contents, keys, <c>this</c>) as itself.
/// </summary>
internal sealed class CarriedPlace
{
    /// <summary>A place rooted at a parameter of the method that owns the value, by ordinal.</summary>
    private sealed record ParameterRoot(int Ordinal);

    private readonly object[] _parts;
    private readonly bool[] _inSource;

    private CarriedPlace(object[] parts, bool[] inSource)
    {
        _parts = parts;
        _inSource = inSource;
    }

    /// <summary>
    /// The place as kept; null for a place of one method's code (a local, a capture, a parameter of any
    /// method but <paramref name="owner"/>, the method whose summary holds the value).
    /// </summary>
    public static CarriedPlace? Of(Place place, IMethodSymbol? owner = null)
    {
        if (!place.IsShared && !(place.Root is IParameterSymbol parameter && owner is not null
            && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, owner)))
        {
            return null;
        }

        var parts = new object[place.Depth + 1];
        var inSource = new bool[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            var part = i == 0 ? place.Root : i == 1 ? place.First! : place.Second!;
            if (i == 0 && part is IParameterSymbol { Ordinal: var ordinal })
            {
                parts[i] = new ParameterRoot(ordinal);
            }
            else if (part is ISymbol symbol)
            {
                if (DocumentationCommentId.CreateDeclarationId(symbol) is not { Length: > 0 } id) return null;
                parts[i] = id;
                inSource[i] = !symbol.DeclaringSyntaxReferences.IsEmpty;
            }
            else if (ReferenceEquals(part, Place.This) || ReferenceEquals(part, Place.Contents) || ReferenceEquals(part, Place.Keys))
            {
                parts[i] = part;
            }
            else
            {
                return null;
            }
        }

        return new CarriedPlace(parts, inSource);
    }

    /// <summary>The same place in the compilation (<paramref name="owner"/>: the method that owns the value there), or null when one of its symbols cannot be found there.</summary>
    public Place? In(Compilation compilation, IMethodSymbol? owner = null)
    {
        Place? place = null;
        for (var i = 0; i < _parts.Length; i++)
        {
            object part;
            if (_parts[i] is ParameterRoot parameter)
            {
                if (owner is null || parameter.Ordinal >= owner.Parameters.Length) return null;
                part = owner.Parameters[parameter.Ordinal];
            }
            else if (_parts[i] is string id)
            {
                // An id names one declaration, but a referenced assembly may declare the same: it must be where it was.
                if (DocumentationCommentId.GetFirstSymbolForDeclarationId(id, compilation) is not { } symbol
                    || symbol.DeclaringSyntaxReferences.IsEmpty == _inSource[i])
                {
                    return null;
                }

                part = symbol;
            }
            else
            {
                part = _parts[i];
            }

            place = place is { } above ? above.Member(part)
                : part is ISymbol root ? Place.ForSymbol(root)
                : ReferenceEquals(part, Place.This) ? Place.ForThis()
                : null;
            if (place is null) return null;
        }

        return place;
    }
}
