using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ExfilAudit.Inputs;

/// <summary>One compilation to analyse, with the ExfilModels.txt files its own project declares.</summary>
internal sealed record AuditUnit(string Name, Compilation Compilation, ImmutableArray<AdditionalText> ModelsFiles);
