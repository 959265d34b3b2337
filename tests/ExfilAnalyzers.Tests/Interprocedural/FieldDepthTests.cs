using System.Linq;
using System.Threading;
using ExfilAnalyzers.Flow;
using ExfilAnalyzers.Models;
using ExfilAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ExfilAnalyzers.Tests.Interprocedural;

/// <summary>
/// A field's value asked before anything else, when its writer stores what a chain of calls deeper than
/// the depth bound returns: the methods cut are summarised as chains of their own and the value is
/// computed again over them, as a root's summary is, so the value is what the chain really returns and
/// not the default rule's guess at the cut (which passes the argument through).
/// </summary>
public class FieldDepthTests
{
    [Theory]
    [InlineData("v", true)]
    [InlineData("v.Length.ToString()", false)]
    public void A_field_written_through_a_chain_past_the_depth_bound_holds_what_the_chain_returns(string last, bool holdsTheName)
    {
        const int steps = 45;
        var chain = new System.Text.StringBuilder();
        for (var i = 0; i < steps - 1; i++)
        {
            chain.AppendLine($"    static string Step{i}(string v) => Step{i + 1}(v + \"/\");");
        }

        chain.AppendLine($"    static string Step{steps - 1}(string v) => {last};");
        var source = $$"""
            using Microsoft.CodeAnalysis;

            sealed class Store
            {
                private string _kept = "";

                public void Keep(ISymbol symbol) => _kept = Step0(symbol.Name);

                public string Read() => _kept;

            {{chain}}
            }
            """;
        var engine = EngineOnFile.Of("Depth", source, "/src/Store.cs");
        Assert.Empty(engine.Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var value = engine.Flow.Summaries.FieldValue(engine.Type("Store").GetMembers("_kept").Single(), CallChain.Start(engine.Method("Store", "Read")),
            CancellationToken.None);

        Assert.Equal(holdsTheName ? TaintLabel.SymbolName : TaintLabel.None, value.Labels);
    }
}
