using System;
using System.Collections.Generic;
using ExfilAudit.Inputs;

namespace ExfilAudit.Analysis;

/// <summary>Everything the reports need to know about one audit.</summary>
internal sealed record AuditResult(
    LoadedInput Input,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<UnitResult> Units,
    int KnownInBaseline,
    int BelowThreshold,
    SourceLibrary Sources,
    TimeSpan Elapsed);
