using System.Linq;
using System.Threading;
using ExfilAnalyzers.Flow;
using ExfilAnalyzers.Models;
using ExfilAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ExfilAnalyzers.Tests.Interprocedural;

/// <summary>
/// A summary that read state is computed at the level it was asked at, and serves another level where
/// every piece of that state holds the same value (docs/design.md, "Fields and properties"). These
/// tests ask the summary store directly, at each level in both orders: sharing must never change an
/// answer, and must happen where the values agree.
/// </summary>
public class LevelSharingTests
{
    // The constructor names a source, so everything it writes may hold sensitive data and reading it
    // depends on the level. _length only ever holds a count; _log a builder the constructor is given
    // (what the writer stores is its parameter, which names a place only the constructor has); _name
    // the name; _copy the name one hop later (clean at level 0, the name at level 1).
    private const string Store = """
        using System.Text;
        using Microsoft.CodeAnalysis;

        sealed class Store
        {
            private readonly string _length;
            private readonly StringBuilder _log;
            private string _name = "";
            private string _copy = "";

            public Store(ISymbol symbol, StringBuilder log)
            {
                _log = log;
                _length = symbol.Name.Length.ToString();
                _name = symbol.Name;
            }

            public void Copy() => _copy = _name;

            public string ReadLength() => "n=" + _length;
            public string ReadLog() => _log.ToString();
            public string ReadCopy() => "c=" + _copy;
        }
        """;

    [Theory]
    [InlineData("ReadLength", true)]
    [InlineData("ReadLength", false)]
    [InlineData("ReadLog", true)]
    [InlineData("ReadLog", false)]
    public void A_reader_of_state_that_holds_nothing_at_any_level_is_analysed_once(string reader, bool fromTheTop)
    {
        var (summaries, method) = Ask(reader);

        var byLevel = AtEveryLevel(summaries, method, fromTheTop);

        Assert.True(byLevel[0].ReadsState, "the reader reads state that a member able to store sensitive data writes");
        Assert.Same(byLevel[0].Analysed, byLevel[1].Analysed);
        Assert.Same(byLevel[1].Analysed, byLevel[2].Analysed);
        Assert.Equal(TaintLabel.None, byLevel[2].ReturnValue.Labels);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_reader_of_state_that_differs_between_levels_gets_the_value_of_each(bool fromTheTop)
    {
        var (summaries, method) = Ask("ReadCopy");

        var byLevel = AtEveryLevel(summaries, method, fromTheTop);

        // Levels 0 and 1 read _copy at levels -1 and 0, where it is clean; the normal level reads it at
        // level 1, where it holds the name.
        Assert.Same(byLevel[0].Analysed, byLevel[1].Analysed);
        Assert.NotSame(byLevel[1].Analysed, byLevel[2].Analysed);
        Assert.Equal(TaintLabel.None, byLevel[1].ReturnValue.Labels);
        Assert.Equal(TaintLabel.SymbolName, byLevel[2].ReturnValue.Labels);
    }

    // State that holds functions, set by a constructor that names a source: _make a factory that only
    // creates a builder (nothing a caller could see), _shape a function that returns what it is given.
    private const string Pool = """
        using System;
        using System.Text;
        using Microsoft.CodeAnalysis;

        sealed class Pool
        {
            private readonly Func<StringBuilder> _make;
            private readonly Func<string, string> _shape;
            private readonly string _name;

            public Pool(ISymbol symbol)
            {
                _make = () => new StringBuilder();
                _shape = text => text.Trim();
                _name = symbol.Name;
            }

            public string Fresh() => _make().ToString();
            public string Shaped(string text) => _shape(text);
        }
        """;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_function_that_does_nothing_is_no_function_and_its_reader_is_analysed_once(bool fromTheTop)
    {
        var (summaries, method) = Ask("Pool", "Fresh", Pool);

        var byLevel = AtEveryLevel(summaries, method, fromTheTop);

        Assert.True(byLevel[0].ReadsState, "the reader reads state that holds functions");
        Assert.Same(byLevel[0].Analysed, byLevel[1].Analysed);
        Assert.Same(byLevel[1].Analysed, byLevel[2].Analysed);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_function_that_returns_what_it_is_given_is_kept(bool fromTheTop)
    {
        var (summaries, method) = Ask("Pool", "Shaped", Pool);

        var byLevel = AtEveryLevel(summaries, method, fromTheTop);

        // Level 0 reads _shape at level -1, where it holds nothing; level 1 reads the function.
        Assert.NotSame(byLevel[0].Analysed, byLevel[1].Analysed);
    }

    // A function stored by an initializer: the initializer is analysed at each level, and each analysis
    // builds a graph of its own, so each level's value holds another operation for the same lambda.
    private const string Shaper = """
        using System;

        sealed class Shaper
        {
            private static readonly Func<string, string> s_shape = text => text.Trim();

            public string Shaped(string text) => s_shape(text);
        }
        """;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_lambda_is_the_same_function_at_every_level_it_is_read(bool fromTheTop)
    {
        var (summaries, method) = Ask("Shaper", "Shaped", Shaper);

        var byLevel = AtEveryLevel(summaries, method, fromTheTop);

        // Level 0 reads s_shape at level -1 (no function); levels 1 and 2 read the lambda at levels 0 and 1.
        Assert.NotSame(byLevel[0].Analysed, byLevel[1].Analysed);
        Assert.Same(byLevel[1].Analysed, byLevel[2].Analysed);
    }

    private static (SummaryStore Summaries, IMethodSymbol Method) Ask(string reader) => Ask("Store", reader, Store);

    private static (SummaryStore Summaries, IMethodSymbol Method) Ask(string type, string reader, string source)
    {
        var engine = EngineOnFile.Of("Levels", source, $"/src/{type}.cs");
        Assert.Empty(engine.Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return (engine.Flow.Summaries, engine.Method(type, reader));
    }

    /// <summary>The method's summary at levels 0, 1 and the normal level, asked from the bottom or from the top.</summary>
    private static MethodSummary[] AtEveryLevel(SummaryStore summaries, IMethodSymbol method, bool fromTheTop)
    {
        var byLevel = new MethodSummary[CallChain.Normal + 1];
        var levels = Enumerable.Range(0, CallChain.Normal + 1);
        foreach (var level in fromTheTop ? levels.Reverse() : levels)
        {
            byLevel[level] = summaries.ForCall(method, null, CallChain.Start(method, level), CancellationToken.None)
                ?? throw new Xunit.Sdk.XunitException($"no summary of {method.Name} at level {level}");
        }

        return byLevel;
    }
}
