using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.Models;

/// <summary>Finds the ExfilModels.txt files among a project's additional files.</summary>
internal static class UserModelsReader
{
    public static IEnumerable<(AdditionalText File, ModelsFile Parsed)> Files(ImmutableArray<AdditionalText> additionalFiles, CancellationToken cancellationToken)
    {
        foreach (var file in additionalFiles)
        {
            if (!ModelsFile.IsModelsFile(file.Path))
            {
                continue;
            }

            var text = file.GetText(cancellationToken);
            if (text is null)
            {
                continue;
            }

            yield return (file, ModelsFile.Get(file.Path, text));
        }
    }

    public static UserModels Read(ImmutableArray<AdditionalText> additionalFiles, CancellationToken cancellationToken)
    {
        var files = new List<ModelsFile>();
        foreach (var (_, parsed) in Files(additionalFiles, cancellationToken))
        {
            files.Add(parsed);
        }

        return UserModels.From(files);
    }
}
