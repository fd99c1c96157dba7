using AnatomyBot.Core.Policy;
using AnatomyBot.Core.Waivers;

namespace AnatomyBot.Core.Anatomy;

/// <summary>The whole <c>anatomy.yml</c>: outcomes (P1), value streams and their stages (P2), logic (P3),
/// components (P4) and the policy. Ids are unique across the file and looked up case-insensitively.</summary>
public sealed class EnterpriseAnatomy
{
    private readonly Dictionary<string, AnatomyElement> _elements;

    public EnterpriseAnatomy(
        IReadOnlyList<Outcome> outcomes,
        IReadOnlyList<ValueStream> valueStreams,
        IReadOnlyList<LogicElement> logic,
        IReadOnlyList<Component> components,
        AnatomyPolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(valueStreams);
        ArgumentNullException.ThrowIfNull(logic);
        ArgumentNullException.ThrowIfNull(components);
        Outcomes = outcomes;
        ValueStreams = valueStreams;
        Logic = logic;
        Components = components;
        Policy = policy ?? AnatomyPolicy.Default;
        Stages = [.. valueStreams.SelectMany(v => v.Stages)];
        _elements = new Dictionary<string, AnatomyElement>(StringComparer.OrdinalIgnoreCase);
        foreach (var element in outcomes.Cast<AnatomyElement>().Concat(Stages).Concat(logic).Concat(components))
        {
            _elements.TryAdd(element.Id, element);
        }
    }

    public int Version { get; init; } = 1;

    public IReadOnlyList<Outcome> Outcomes { get; }

    public IReadOnlyList<ValueStream> ValueStreams { get; }

    /// <summary>All stages of all value streams, in file order.</summary>
    public IReadOnlyList<Stage> Stages { get; }

    public IReadOnlyList<LogicElement> Logic { get; }

    public IReadOnlyList<Component> Components { get; }

    public AnatomyPolicy Policy { get; }

    /// <summary>The <c>waivers</c> section, in file order, as written (expiry and gap codes are judged by
    /// <see cref="WaiverSet"/> and the linter, not by the parser).</summary>
    public IReadOnlyList<Waiver> Waivers { get; init; } = [];

    /// <summary>All outcomes, stages, logic and components.</summary>
    public IEnumerable<AnatomyElement> Elements => _elements.Values;

    public bool TryGet(string id, out AnatomyElement element) => _elements.TryGetValue(id, out element!);

    public bool TryGet<T>(string id, out T element)
        where T : AnatomyElement
    {
        if (_elements.TryGetValue(id, out var found) && found is T typed)
        {
            element = typed;
            return true;
        }

        element = null!;
        return false;
    }
}
