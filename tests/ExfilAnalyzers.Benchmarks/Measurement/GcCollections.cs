using System;

namespace ExfilAnalyzers.Benchmarks.Measurement;

/// <summary>
/// How many collections the garbage collector made during a step: all of them, those of generation 1
/// or 2, and the full ones (generation 2). How many fall inside a run is much of what makes runs of the same
/// size differ; a full one, which walks the whole heap, compilation included, falls in few of them.
/// </summary>
internal readonly record struct GcCollections(int All, int Older, int Full)
{
    public static GcCollections Now() => new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));

    public static GcCollections operator -(GcCollections after, GcCollections before) =>
        new(after.All - before.All, after.Older - before.Older, after.Full - before.Full);

    public override string ToString() => $"{All}, {Older} older, {Full} full";
}
