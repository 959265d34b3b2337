using System;
using System.Threading;

namespace ExfilAnalyzers.Benchmarks.Measurement;

/// <summary>
/// Watches the managed heap from another thread while a measured step runs: its peak size, and the bytes
/// the step allocated in all.
/// </summary>
internal sealed class MemoryProbe : IDisposable
{
    private readonly Thread _thread;
    private readonly long _allocatedAtStart;
    private volatile bool _stopping;
    private long _peakHeap;

    private MemoryProbe()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        BaselineHeap = GC.GetTotalMemory(forceFullCollection: false);
        _peakHeap = BaselineHeap;
        _allocatedAtStart = GC.GetTotalAllocatedBytes(precise: true);
        _thread = new Thread(Sample) { IsBackground = true, Name = "memory probe" };
        _thread.Start();
    }

    /// <summary>The heap before the step: what was already alive (the corpus, its syntax trees).</summary>
    public long BaselineHeap { get; }

    public long PeakHeap => Interlocked.Read(ref _peakHeap);

    public long Allocated { get; private set; }

    public static MemoryProbe Start() => new();

    public void Dispose()
    {
        if (!_stopping)
        {
            _stopping = true;
            _thread.Join();
            Allocated = GC.GetTotalAllocatedBytes(precise: true) - _allocatedAtStart;
            Record();
        }
    }

    private void Sample()
    {
        while (!_stopping)
        {
            Record();
            Thread.Sleep(5);
        }
    }

    private void Record()
    {
        var heap = GC.GetTotalMemory(forceFullCollection: false);
        if (heap > Interlocked.Read(ref _peakHeap))
        {
            Interlocked.Exchange(ref _peakHeap, heap);
        }
    }
}
