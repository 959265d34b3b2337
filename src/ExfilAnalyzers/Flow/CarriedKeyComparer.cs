using System.Collections.Generic;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// Compares the keys of <see cref="CarriedAnswers"/> and hashes them by the member's key alone, which
/// hashes once when made (<see cref="BodyKey"/>): every answer carried is added again at every keystroke,
/// and hashing the name beside it would cost as much as the rest. A key's name is mostly its member's
/// own; where one declaration declares several fields, their values only share a bucket.
/// </summary>
internal sealed class CarriedKeyComparer : IEqualityComparer<(BodyKey Declaration, string Name, int Level)>, IEqualityComparer<(BodyKey Declaration, string Name)>
{
    public static readonly CarriedKeyComparer Instance = new();

    private CarriedKeyComparer()
    {
    }

    public bool Equals((BodyKey Declaration, string Name, int Level) x, (BodyKey Declaration, string Name, int Level) y) =>
        x.Level == y.Level && x.Declaration.Equals(y.Declaration) && string.Equals(x.Name, y.Name, System.StringComparison.Ordinal);

    public int GetHashCode((BodyKey Declaration, string Name, int Level) key) => unchecked((key.Declaration.GetHashCode() * 31) + key.Level);

    public bool Equals((BodyKey Declaration, string Name) x, (BodyKey Declaration, string Name) y) =>
        x.Declaration.Equals(y.Declaration) && string.Equals(x.Name, y.Name, System.StringComparison.Ordinal);

    public int GetHashCode((BodyKey Declaration, string Name) key) => key.Declaration.GetHashCode();
}
