using System.Linq;
using System.Threading;
using ExfilAnalyzers.Flow;
using ExfilAnalyzers.Models;
using ExfilAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace ExfilAnalyzers.Tests.Interprocedural;

/// <summary>
/// How many members one sending question may bind: 16 in a compilation analysed from nothing, 4 at a
/// keystroke (after an earlier compilation of the project), where the question is about an edited member
/// and binding other files' members costs more than analysing it. Past the budget a member is taken to
/// send: a "may send" costs an analysis, never a diagnostic.
/// </summary>
public class SendingBudgetTests
{
    // Eight members named Add, none a sink's (a list's Add is not), none bound before the keystroke.
    private static readonly (string Path, string Text)[] Files = Enumerable.Range(0, 8)
        .Select(i => ($"/src/Bag{i}.cs", $"class Bag{i} {{ private readonly System.Collections.Generic.List<string> _items = new(); public void Add(string item) => _items.Add(item); }}"))
        .Concat(new[]
        {
            ("/src/Agent.cs", "class Agent { void Run(Bag0 bag) { } }"),
            ("/src/Sender.cs", "class Sender { void Post(System.Net.Http.HttpClient client) => client.PostAsync(\"https://example.com/\", null); }"),
        })
        .ToArray();

    [Fact]
    public void A_keystroke_binds_a_few_members_and_takes_the_rest_to_send()
    {
        var compilation = EditedProject.Compile("SendingBudget" + System.Guid.NewGuid().ToString("N"), Files);
        var catalog = ModelCatalog.Create(compilation, ModelTable.BuiltIn, null);
        var index = RelevanceIndex.Build(compilation, catalog, sinksMatter: false, earlier: null, CancellationToken.None);
        Assert.False(index.FollowsEarlier);

        var typed = EditedProject.EditAgain(compilation, "/src/Agent.cs", "void Run(Bag0 bag) { }", "void Run(Bag0 bag) { bag.Add(\"x\"); }").Compilation;
        var keystroke = RelevanceIndex.Build(typed, catalog, sinksMatter: false, index.Graph, CancellationToken.None);
        Assert.True(keystroke.FollowsEarlier);
        Assert.True(MaySend(keystroke, typed));

        // The same code from nothing binds all nine and finds that Run sends nothing.
        var fresh = EditedProject.FreshCopy(typed, "SendingBudgetFresh" + System.Guid.NewGuid().ToString("N"));
        var fromNothing = RelevanceIndex.Build(fresh, ModelCatalog.Create(fresh, ModelTable.BuiltIn, null), sinksMatter: false, earlier: null, CancellationToken.None);
        Assert.False(fromNothing.FollowsEarlier);
        Assert.False(MaySend(fromNothing, fresh));
    }

    private static bool MaySend(RelevanceIndex index, Compilation compilation)
    {
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == "/src/Agent.cs");
        var run = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single();
        return index.MaySend(tree, run, CancellationToken.None);
    }
}
