using System.Collections.Generic;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// The abstract state at one program point: the value of every tracked place, whether a consent gate
/// holds on every path here, and whether a content test (a keyword trigger) holds on every path here.
/// Places absent from the map are clean, except member paths, which fall back to their parent's value.
/// </summary>
internal sealed class FlowState
{
    /// <summary>
    /// Shared with the clones of this state until one of them writes (copy on write): most clones are
    /// only read, a block's input that nothing else joins into, or a branch's state with a flag changed.
    /// </summary>
    private Dictionary<Place, TaintValue> _values;

    private bool _shared;

    /// <summary>
    /// The roots that may have member paths in the map, one bit per root's hash (never cleared, so a bit
    /// may be stale): a place whose root's bit is clear has nothing under it but itself, and the
    /// assignments that drop or copy what is under a place need not scan the map.
    /// </summary>
    private ulong _memberRoots;

    public FlowState()
    {
        _values = new Dictionary<Place, TaintValue>();
    }

    private FlowState(FlowState other)
    {
        _values = other._values;
        _shared = other._shared = true;
        _memberRoots = other._memberRoots;
        Gated = other.Gated;
        Trigger = other.Trigger;
        TriggerOrigin = other.TriggerOrigin;
    }

    /// <summary>A consent gate holds on every path that reaches this point.</summary>
    public bool Gated { get; set; }

    /// <summary>A test of sensitive content holds on every path that reaches this point.</summary>
    public ConditionFact? Trigger { get; set; }

    /// <summary>The graph and block of the branch that set <see cref="Trigger"/>: it ends at that block's post-dominator.</summary>
    public (object? Graph, int Block) TriggerOrigin { get; set; }

    public IEnumerable<KeyValuePair<Place, TaintValue>> Entries => _values;

    public FlowState Clone() => new(this);

    /// <summary>True when something was written to the place itself or into it.</summary>
    public bool HasEntryAt(Place place) => _values.ContainsKey(place) || _values.ContainsKey(place.ContentsPlace) || _values.ContainsKey(place.KeysPlace);

    /// <summary>Joins the values of another state in, leaving gates and triggers as they are (a lambda's effects).</summary>
    public void JoinValuesFrom(FlowState other)
    {
        foreach (var entry in other._values)
        {
            Put(entry.Key, Get(entry.Key).Join(entry.Value));
        }
    }

    public TaintValue Get(Place place) => _values.TryGetValue(place, out var value) ? value : Unwritten(place);

    /// <summary>The value of a place with no entry of its own.</summary>
    private TaintValue Unwritten(Place place) =>
        place.IsRoot || place.IsContents
            ? TaintValue.Clean
            // A member nobody wrote here holds whatever its object held when it arrived.
            : Get(place.Parent).Carried();

    /// <summary>The value of an object used as a whole: itself and everything put into it.</summary>
    public TaintValue Composite(Place place)
    {
        var own = Get(place);
        var contents = Get(place.ContentsPlace);
        if (_values.TryGetValue(place.KeysPlace, out var keys)) contents = contents.Join(keys);
        // What was put into an object does not change where the object goes: its destination stays.
        return ReferenceEquals(contents, TaintValue.Clean) ? own : own.Join(contents.Carried()).WithEndpoint(own.Endpoint);
    }

    /// <summary>True when keys were put into the map at this place.</summary>
    public bool HasKeys(Place place) => _values.ContainsKey(place.KeysPlace);

    /// <summary>What a look-up by key in a map returns: the map and its values, not its keys.</summary>
    public TaintValue Values(Place place)
    {
        var own = Get(place);
        var contents = Get(place.ContentsPlace);
        return ReferenceEquals(contents, TaintValue.Clean) ? own : own.Join(contents.Carried()).WithEndpoint(own.Endpoint);
    }

    /// <summary>A strong update: the place and every path under it now hold only <paramref name="value"/>.</summary>
    public void Set(Place place, TaintValue value)
    {
        RemoveUnder(place);
        if (!value.IsClean || !place.IsRoot)
        {
            Put(place, value);
        }

        if (!place.IsRoot)
        {
            JoinIntoAncestors(place, value.Carried());
        }
    }

    /// <summary>Replaces a place's own value and leaves the paths under it alone.</summary>
    public void ReplaceOwn(Place place, TaintValue value)
    {
        if (value.IsClean && place.IsRoot)
        {
            if (_values.ContainsKey(place)) Writable().Remove(place);
        }
        else
        {
            Put(place, value);
        }
    }

    /// <summary>A weak update: the place now holds its old value joined with <paramref name="value"/>.</summary>
    public void JoinInto(Place place, TaintValue value, bool intoOwners = true)
    {
        if (value.IsClean)
        {
            return;
        }

        var old = Get(place);
        var joined = old.Join(value);
        if (!ReferenceEquals(joined, old) || !_values.ContainsKey(place))
        {
            Put(place, joined);
        }

        if (!place.IsRoot && intoOwners)
        {
            JoinIntoAncestors(place, value.Carried());
        }
    }

    /// <summary>An assignment of one place to another: the target gets the source's value and paths.</summary>
    public void Copy(Place from, Place to, TaintValue value)
    {
        List<KeyValuePair<Place, TaintValue>>? under = null;
        if (MayHaveMembers(from))
        {
            foreach (var entry in _values)
            {
                if (!entry.Key.Equals(from) && entry.Key.HasPrefix(from))
                {
                    (under ??= new()).Add(entry);
                }
            }
        }

        Set(to, value);
        if (under is null)
        {
            return;
        }

        foreach (var entry in under)
        {
            if (entry.Key.Rebase(from, to) is { } rebased && !rebased.Equals(to))
            {
                Put(rebased, entry.Value);
            }
        }
    }

    /// <summary>Joins another state into this one; returns true when this one changed.</summary>
    public bool JoinWith(FlowState other)
    {
        // A clone neither side has written to since shares this map: every value would join with itself.
        var changed = !ReferenceEquals(_values, other._values) && JoinValues(other);
        if (Gated && !other.Gated)
        {
            Gated = false;
            changed = true;
        }

        if (Trigger is not null && other.Trigger is null)
        {
            Trigger = null;
            TriggerOrigin = default;
            changed = true;
        }

        return changed;
    }

    private bool JoinValues(FlowState other)
    {
        var changed = false;
        List<KeyValuePair<Place, TaintValue>>? updates = null;
        foreach (var entry in other._values)
        {
            var present = _values.TryGetValue(entry.Key, out var mine);
            if (!present) mine = Unwritten(entry.Key);
            var joined = mine.Join(entry.Value);
            var same = joined.SameShape(mine);
            if (!present || !same)
            {
                (updates ??= new()).Add(new(entry.Key, joined));
                changed |= !same;
            }
        }

        // A member path only this side wrote: the other side's value is what its object carried there.
        // A root the other side lacks keeps this side's value, so roots are not looked up (IsRoot first).
        foreach (var entry in _values)
        {
            if (!entry.Key.IsRoot && !other._values.ContainsKey(entry.Key))
            {
                var theirs = other.Get(entry.Key);
                var joined = entry.Value.Join(theirs);
                if (!joined.SameShape(entry.Value))
                {
                    (updates ??= new()).Add(new(entry.Key, joined));
                    changed = true;
                }
            }
        }

        if (updates is not null)
        {
            foreach (var update in updates)
            {
                Put(update.Key, update.Value);
            }
        }

        return changed;
    }

    private void Put(Place place, TaintValue value)
    {
        Writable()[place] = value;
        if (!place.IsRoot) _memberRoots |= place.RootBit;
    }

    private bool MayHaveMembers(Place place) => (_memberRoots & place.RootBit) != 0;

    /// <summary>The map, this state's own: copied first if it is still shared with a clone.</summary>
    private Dictionary<Place, TaintValue> Writable()
    {
        if (_shared)
        {
            _values = new Dictionary<Place, TaintValue>(_values);
            _shared = false;
        }

        return _values;
    }

    private void JoinIntoAncestors(Place place, TaintValue value)
    {
        if (value.IsClean)
        {
            return;
        }

        var parent = place.Parent;
        while (true)
        {
            var contents = parent.ContentsPlace;
            if (!contents.Equals(place) && !parent.KeysPlace.Equals(place))
            {
                Put(contents, Get(contents).Join(value));
            }

            if (parent.IsRoot)
            {
                return;
            }

            parent = parent.Parent;
        }
    }

    private void RemoveUnder(Place place)
    {
        if (!MayHaveMembers(place))
        {
            if (place.IsRoot && _values.ContainsKey(place)) Writable().Remove(place);
            return;
        }

        List<Place>? doomed = null;
        foreach (var key in _values.Keys)
        {
            if (key.HasPrefix(place))
            {
                (doomed ??= new()).Add(key);
            }
        }

        if (doomed is not null)
        {
            foreach (var key in doomed)
            {
                Writable().Remove(key);
            }
        }
    }
}
