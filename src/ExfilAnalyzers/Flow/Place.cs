using System;
using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// Where a value lives inside one method: a local, a parameter, a flow capture, <c>this</c> or a static
/// field, and short access paths from them (a field of a field, the contents of a collection).
/// Paths are cut at <see cref="MaxDepth"/> members so that the state stays small.
/// </summary>
internal readonly struct Place : IEquatable<Place>
{
    public const int MaxDepth = 2;

    /// <summary>The pseudo-member that stands for everything put into an object: elements, appended text, written members.</summary>
    public static readonly object Contents = new();

    /// <summary>
    /// The pseudo-member for the keys of a map: what enumerating it, or its Keys, yields, and not
    /// what a look-up by key returns.
    /// </summary>
    public static readonly object Keys = new();

    /// <summary>The capture id of the exception in flight to a catch handler.</summary>
    public static readonly object ThrownException = new();

    /// <summary>The capture id of the exception a handler caught.</summary>
    public static readonly object CaughtException = new();

    /// <summary>The root that stands for <c>this</c>.</summary>
    public static readonly object This = new();

    private Place(object root, object? first, object? second)
    {
        Root = root;
        First = first;
        Second = second;
        unchecked
        {
            _hash = (((Hash(root) * 397) ^ Hash(first)) * 397) ^ Hash(second);
        }
    }

    /// <summary>Computed once: a place is hashed at every look-up, and a join looks up the keys of another map.</summary>
    private readonly int _hash;

    /// <summary>An <see cref="ISymbol"/> (local, parameter, static field), a boxed capture id, or <see cref="This"/>.</summary>
    public object Root { get; }

    public object? First { get; }

    public object? Second { get; }

    public int Depth => First is null ? 0 : Second is null ? 1 : 2;

    public bool IsRoot => First is null;

    /// <summary>One of 64 bits, chosen by the root: places with one root share it (see <see cref="FlowState"/>).</summary>
    public ulong RootBit => 1UL << (Hash(Root) & 63);

    /// <summary>
    /// True when the place means the same in every method: it starts at <c>this</c> or at a static member.
    /// A local, a parameter or a flow capture means something only in the method it belongs to.
    /// </summary>
    public bool IsShared => ReferenceEquals(Root, This) || Root is IFieldSymbol or IPropertySymbol or IEventSymbol;

    public static Place ForSymbol(ISymbol symbol) => new(symbol.OriginalDefinition, null, null);

    public static Place ForCapture(object captureId) => new(captureId, null, null);

    public static Place ForThis() => new(This, null, null);

    public Place RootPlace => new(Root, null, null);

    /// <summary>The parent of a member path, or itself for a root.</summary>
    public Place Parent => Second is not null ? new Place(Root, First, null) : new Place(Root, null, null);

    /// <summary>The path one member further, or null when that would exceed the depth bound.</summary>
    public Place? Member(object member)
    {
        if (First is null) return new Place(Root, member is ISymbol s ? s.OriginalDefinition : member, null);
        if (Second is null) return new Place(Root, First, member is ISymbol t ? t.OriginalDefinition : member);
        return null;
    }

    /// <summary>The contents of this place, or of its parent when the path is already at the bound.</summary>
    public Place ContentsPlace => Member(Contents) ?? Parent.Member(Contents)!.Value;

    /// <summary>The keys of this map, or of its parent when the path is already at the bound.</summary>
    public Place KeysPlace => Member(Keys) ?? Parent.Member(Keys)!.Value;

    public bool IsContents => ReferenceEquals(Second ?? First, Contents) || ReferenceEquals(Second ?? First, Keys);

    public bool HasPrefix(Place prefix)
    {
        if (!Equals(Root, prefix.Root)) return false;
        if (prefix.First is null) return true;
        if (!Equals(First, prefix.First)) return false;
        return prefix.Second is null || Equals(Second, prefix.Second);
    }

    /// <summary>This path with <paramref name="prefix"/> replaced by <paramref name="replacement"/>, if it still fits the bound.</summary>
    public Place? Rebase(Place prefix, Place replacement)
    {
        var rest = Depth - prefix.Depth;
        var result = replacement;
        if (rest >= 1)
        {
            var next = prefix.Depth == 0 ? First! : Second!;
            var member = result.Member(next);
            if (member is null) return null;
            result = member.Value;
        }

        if (rest == 2)
        {
            var member = result.Member(Second!);
            if (member is null) return null;
            result = member.Value;
        }

        return result;
    }

    public bool Equals(Place other) => Equals(Root, other.Root) && Equals(First, other.First) && Equals(Second, other.Second);

    public override bool Equals(object? obj) => obj is Place other && Equals(other);

    public override int GetHashCode() => _hash;

    private static int Hash(object? part) => part is ISymbol symbol ? SymbolEqualityComparer.Default.GetHashCode(symbol) : part?.GetHashCode() ?? 0;

    // Most comparisons are of a place with itself (a look-up that finds its key): identity first.
    private static new bool Equals(object? a, object? b) => ReferenceEquals(a, b) || (a is ISymbol x && b is ISymbol y
        ? SymbolEqualityComparer.Default.Equals(x, y)
        : object.Equals(a, b));

    public override string ToString() => Name(Root) + (First is null ? "" : "." + Name(First)) + (Second is null ? "" : "." + Name(Second));

    private static string Name(object part) => part switch
    {
        ISymbol symbol => symbol.Name,
        _ when ReferenceEquals(part, Contents) => "*",
        _ when ReferenceEquals(part, Keys) => "keys",
        _ when ReferenceEquals(part, This) => "this",
        _ when ReferenceEquals(part, ThrownException) => "thrown",
        _ when ReferenceEquals(part, CaughtException) => "caught",
        _ => "capture" + part,
    };
}
