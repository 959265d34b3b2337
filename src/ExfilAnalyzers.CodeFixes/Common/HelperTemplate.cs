using System.Collections.Immutable;

namespace ExfilAnalyzers.CodeFixes.Common;

/// <summary>
/// A small static class a fix adds to a project when the project has none yet: its name, the usings it
/// needs, and its members as lines at class level. <see cref="HelperDocuments"/> wraps them in the
/// project's namespace style and language version.
/// </summary>
internal sealed class HelperTemplate
{
    public HelperTemplate(string typeName, string memberName, ImmutableArray<string> usings, string summary, ImmutableArray<string> members)
    {
        TypeName = typeName;
        MemberName = memberName;
        Usings = usings;
        Summary = summary;
        Members = members;
    }

    public string TypeName { get; }

    /// <summary>The member a fix calls; a type of this name without it is someone else's, and is not reused.</summary>
    public string MemberName { get; }

    public ImmutableArray<string> Usings { get; }

    /// <summary>The text of the class's summary comment, one line per entry of the array it is split into.</summary>
    public string Summary { get; }

    /// <summary>Written where a nullable annotation goes: "?" from C# 8, nothing before.</summary>
    public const string NullableMark = "{?}";

    /// <summary>Members at class level, one line each, indented by one level.</summary>
    public ImmutableArray<string> Members { get; }
}
