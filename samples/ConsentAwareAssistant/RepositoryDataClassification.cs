using Microsoft.Extensions.Compliance.Classification;

namespace ConsentAwareAssistant;

/// <summary>The data classes the host maps to redactors.</summary>
public static class RepositoryDataClassification
{
    public static DataClassification RepositoryLocation { get; } = new("ContosoAssistant", "RepositoryLocation");
}
