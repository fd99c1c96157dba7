namespace AnatomyBot.Core.Anatomy;

/// <summary>Finds where an anatomy is still "only a diagram": stages without an outcome or logic, logic without
/// components, components without a spec or operations, outcomes without a target, and unused elements.
/// Pure and deterministic: diagnostics come in file order, then by severity (most severe first), then code. Severities are in <see cref="Severities"/>.</summary>
public static class AnatomyLinter
{
    /// <summary>The severity of each lint code. A stage serving no outcome is the one error: without its P1 link a
    /// stage has no reason to exist. Missing downward links and unused elements are warnings; missing operations is
    /// informational.</summary>
    public static IReadOnlyDictionary<string, DiagnosticSeverity> Severities { get; } = new Dictionary<string, DiagnosticSeverity>(StringComparer.Ordinal)
    {
        [AnatomyDiagnosticCodes.StageNoOutcome] = DiagnosticSeverity.Error,
        [AnatomyDiagnosticCodes.StageNoLogic] = DiagnosticSeverity.Warning,
        [AnatomyDiagnosticCodes.LogicNoComponent] = DiagnosticSeverity.Warning,
        [AnatomyDiagnosticCodes.ComponentNoSpec] = DiagnosticSeverity.Warning,
        [AnatomyDiagnosticCodes.OutcomeNoTarget] = DiagnosticSeverity.Warning,
        [AnatomyDiagnosticCodes.OutcomeUnused] = DiagnosticSeverity.Warning,
        [AnatomyDiagnosticCodes.ComponentUnused] = DiagnosticSeverity.Warning,
        [AnatomyDiagnosticCodes.ComponentNoOperations] = DiagnosticSeverity.Info,
        [AnatomyDiagnosticCodes.WaiverUnknownGap] = DiagnosticSeverity.Error,
        [AnatomyDiagnosticCodes.WaiverExpired] = DiagnosticSeverity.Error,
        [AnatomyDiagnosticCodes.WaiverTooLong] = DiagnosticSeverity.Error,
        [AnatomyDiagnosticCodes.WaiverDuplicateId] = DiagnosticSeverity.Error,
        [AnatomyDiagnosticCodes.WaiverUnused] = DiagnosticSeverity.Warning,
    };

    /// <summary>Lints <paramref name="anatomy"/>; with <paramref name="today"/> its waivers too (<see cref="WaiverLinter"/>),
    /// and with <paramref name="extra"/> findings made elsewhere (waivers matching no gap of a backlog), all in one order.</summary>
    public static AnatomyLintReport Lint(EnterpriseAnatomy anatomy, DateOnly? today = null, IEnumerable<AnatomyDiagnostic>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(anatomy);
        var findings = new List<AnatomyDiagnostic>();
        if (today is { } day)
        {
            findings.AddRange(WaiverLinter.Lint(anatomy, day));
        }

        findings.AddRange(extra ?? []);
        LintStages(anatomy, findings);
        LintLogic(anatomy, findings);
        LintComponents(anatomy, findings);
        LintOutcomes(anatomy, findings);
        var ordered = findings
            .OrderBy(d => d.Position.Line)
            .ThenBy(d => d.Position.Column)
            .ThenByDescending(d => d.Severity)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ToList();
        return new AnatomyLintReport(ordered, [.. anatomy.ValueStreams.Select(v => Completeness(anatomy, v))]);
    }

    private static void LintStages(EnterpriseAnatomy anatomy, List<AnatomyDiagnostic> findings)
    {
        foreach (var stream in anatomy.ValueStreams)
        {
            foreach (var stage in stream.Stages)
            {
                if (stream.Outcomes.Count == 0 && stage.Outcomes.Count == 0)
                {
                    Add(findings, AnatomyDiagnosticCodes.StageNoOutcome, stage, $"stage '{stage.Id}' ({stage.Name}) serves no outcome: neither it nor value stream '{stream.Id}' lists any under 'outcomes' (missing P1 link)");
                }

                if (stage.Logic.Count == 0)
                {
                    Add(findings, AnatomyDiagnosticCodes.StageNoLogic, stage, $"stage '{stage.Id}' ({stage.Name}) has no P3 logic: list the rules, data, events, timing, exceptions, integrations or UI actions that execute it under 'logic'");
                }
            }
        }
    }

    private static void LintLogic(EnterpriseAnatomy anatomy, List<AnatomyDiagnostic> findings)
    {
        foreach (var logic in anatomy.Logic.Where(l => l.Components.Count == 0))
        {
            Add(findings, AnatomyDiagnosticCodes.LogicNoComponent, logic, $"logic '{logic.Id}' ({logic.Name}) is realised by no P4 component: list them under 'components'");
        }
    }

    private static void LintComponents(EnterpriseAnatomy anatomy, List<AnatomyDiagnostic> findings)
    {
        var used = new HashSet<string>(anatomy.Logic.SelectMany(l => l.Components), StringComparer.OrdinalIgnoreCase);
        foreach (var component in anatomy.Components)
        {
            if (string.IsNullOrWhiteSpace(component.Spec))
            {
                Add(findings, AnatomyDiagnosticCodes.ComponentNoSpec, component, $"component '{component.Id}' ({component.Name}) has no 'spec': link its specification (a repository path or URL)");
            }

            if (!used.Contains(component.Id))
            {
                Add(findings, AnatomyDiagnosticCodes.ComponentUnused, component, $"component '{component.Id}' ({component.Name}) realises no logic: no logic lists it under 'components'");
            }

            if (component.Operations is null || component.Operations.IsEmpty)
            {
                Add(findings, AnatomyDiagnosticCodes.ComponentNoOperations, component, $"component '{component.Id}' ({component.Name}) has no runbook, dashboard or alerts under 'operations'");
            }
        }
    }

    private static void LintOutcomes(EnterpriseAnatomy anatomy, List<AnatomyDiagnostic> findings)
    {
        var used = new HashSet<string>(
            anatomy.ValueStreams.SelectMany(v => v.Outcomes).Concat(anatomy.Stages.SelectMany(s => s.Outcomes)),
            StringComparer.OrdinalIgnoreCase);
        foreach (var outcome in anatomy.Outcomes)
        {
            if (string.IsNullOrWhiteSpace(outcome.Metric) || string.IsNullOrWhiteSpace(outcome.Target))
            {
                var missing = string.IsNullOrWhiteSpace(outcome.Metric) && string.IsNullOrWhiteSpace(outcome.Target) ? "metric and target" : string.IsNullOrWhiteSpace(outcome.Metric) ? "metric" : "target";
                Add(findings, AnatomyDiagnosticCodes.OutcomeNoTarget, outcome, $"outcome '{outcome.Id}' ({outcome.Name}) has no {missing}: say how improvement is measured and what value counts as success");
            }

            if (!used.Contains(outcome.Id))
            {
                Add(findings, AnatomyDiagnosticCodes.OutcomeUnused, outcome, $"outcome '{outcome.Id}' ({outcome.Name}) is served by no value stream or stage");
            }
        }
    }

    private static ValueStreamCompleteness Completeness(EnterpriseAnatomy anatomy, ValueStream stream)
    {
        int linked = 0, withLogic = 0, reaching = 0, complete = 0;
        foreach (var stage in stream.Stages)
        {
            var up = stream.Outcomes.Count > 0 || stage.Outcomes.Count > 0;
            var down = stage.Logic.Any(id => anatomy.TryGet<LogicElement>(id, out var logic) && logic.Components.Count > 0);
            linked += up ? 1 : 0;
            withLogic += stage.Logic.Count > 0 ? 1 : 0;
            reaching += down ? 1 : 0;
            complete += up && down ? 1 : 0;
        }

        return new ValueStreamCompleteness(stream.Id, stream.Name, stream.Stages.Count, linked, withLogic, reaching, complete);
    }

    private static void Add(List<AnatomyDiagnostic> findings, string code, AnatomyElement element, string message) =>
        findings.Add(new AnatomyDiagnostic(code, Severities[code], message, element.Position, element.Id));
}
