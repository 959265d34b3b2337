namespace ExfilAnalyzers.Flow;

/// <summary>
/// The blocks of one graph still to visit, lowest ordinal first: a bit per block. Visiting in order
/// keeps a block's predecessors ahead of it outside loops. A sorted tree set did the same with a node
/// allocated at every addition and a walk at every removal; one analysis adds a block each time its
/// input grows, so that cost was paid at every edge of every analysis.
/// </summary>
internal sealed class BlockWorklist
{
    private readonly ulong[] _words;

    /// <summary>No block below this word is pending.</summary>
    private int _lowestWord;

    public BlockWorklist(int blocks)
    {
        _words = new ulong[(blocks + 63) / 64];
        _lowestWord = _words.Length;
    }

    public int Count { get; private set; }

    /// <summary>Adds the block; a block already pending stays one entry.</summary>
    public void Add(int block)
    {
        var word = block >> 6;
        var bit = 1UL << (block & 63);
        if ((_words[word] & bit) != 0)
        {
            return;
        }

        _words[word] |= bit;
        Count++;
        if (word < _lowestWord) _lowestWord = word;
    }

    /// <summary>Removes and returns the pending block with the lowest ordinal; only when <see cref="Count"/> is not 0.</summary>
    public int RemoveMin()
    {
        while (_words[_lowestWord] == 0)
        {
            _lowestWord++;
        }

        var word = _words[_lowestWord];
        var bit = TrailingZeros(word);
        _words[_lowestWord] = word & (word - 1);
        Count--;
        return (_lowestWord << 6) + bit;
    }

    // netstandard2.0 has no BitOperations: isolate the lowest set bit and find its index by halving.
    private static int TrailingZeros(ulong word)
    {
        var lowest = word & (~word + 1);
        var index = 0;
        if ((lowest & 0xFFFFFFFF00000000UL) != 0) index += 32;
        if ((lowest & 0xFFFF0000FFFF0000UL) != 0) index += 16;
        if ((lowest & 0xFF00FF00FF00FF00UL) != 0) index += 8;
        if ((lowest & 0xF0F0F0F0F0F0F0F0UL) != 0) index += 4;
        if ((lowest & 0xCCCCCCCCCCCCCCCCUL) != 0) index += 2;
        if ((lowest & 0xAAAAAAAAAAAAAAAAUL) != 0) index += 1;
        return index;
    }
}
