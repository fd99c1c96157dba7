using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage.Ranking;

namespace AnatomyBot.Core.Linkage;

/// <summary>The anatomy indexed once for the engine: every element numbered in (layer, id) order, the upward closure
/// of each element (component → logic using it → stages listing that logic → their and their value stream's outcomes),
/// compiled component path globs, and one BM25 ranker per layer.</summary>
internal sealed class AnatomyIndex
{
    private readonly Dictionary<string, int> _byId = new(StringComparer.OrdinalIgnoreCase);
    private readonly Bm25Ranker[] _rankers = new Bm25Ranker[5];

    public AnatomyIndex(EnterpriseAnatomy anatomy)
    {
        ArgumentNullException.ThrowIfNull(anatomy);
        Elements =
        [
            .. anatomy.Elements
                .OrderBy(e => e.Layer)
                .ThenBy(e => e.Id, StringComparer.Ordinal),
        ];
        for (var i = 0; i < Elements.Length; i++)
        {
            _byId[Elements[i].Id] = i;
        }

        Closures = BuildClosures(anatomy);
        ComponentGlobs =
        [
            .. anatomy.Components
                .Where(c => _byId.ContainsKey(c.Id))
                .SelectMany(c => c.Paths.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => (_byId[c.Id], new PathGlob(p)))),
        ];
        Vocabulary = new TermVocabulary();
        foreach (var layer in (Layer[])[Layer.Outcome, Layer.Stage, Layer.Logic, Layer.Component])
        {
            _rankers[(int)layer] = new Bm25Ranker(Elements.Where(e => e.Layer == layer), Vocabulary);
        }
    }

    /// <summary>Elements sorted by layer, then id (ordinal): sorting indices sorts ids.</summary>
    public AnatomyElement[] Elements { get; }

    /// <summary>For each element, itself and every element it implies upward, sorted.</summary>
    public int[][] Closures { get; }

    public (int Component, PathGlob Glob)[] ComponentGlobs { get; }

    public TermVocabulary Vocabulary { get; }

    public Bm25Ranker Ranker(Layer layer) => _rankers[(int)layer];

    public bool TryFind(string id, out int index) => _byId.TryGetValue(id, out index);

    private int[][] BuildClosures(EnterpriseAnatomy anatomy)
    {
        var up = new List<int>[Elements.Length];
        for (var i = 0; i < up.Length; i++)
        {
            up[i] = [];
        }

        var streamOutcomes = anatomy.ValueStreams.ToDictionary(v => v.Id, v => v.Outcomes, StringComparer.OrdinalIgnoreCase);
        foreach (var stage in anatomy.Stages)
        {
            var from = _byId[stage.Id];
            Link(from, stage.Outcomes, up);
            Link(from, streamOutcomes.GetValueOrDefault(stage.ValueStreamId) ?? [], up);
            foreach (var logic in stage.Logic)
            {
                if (_byId.TryGetValue(logic, out var l))
                {
                    up[l].Add(from);
                }
            }
        }

        foreach (var logic in anatomy.Logic)
        {
            var from = _byId[logic.Id];
            foreach (var component in logic.Components)
            {
                if (_byId.TryGetValue(component, out var c))
                {
                    up[c].Add(from);
                }
            }
        }

        var closures = new int[Elements.Length][];
        for (var i = 0; i < closures.Length; i++)
        {
            var reached = new SortedSet<int>();
            var pending = new Stack<int>();
            pending.Push(i);
            while (pending.Count > 0)
            {
                var next = pending.Pop();
                if (reached.Add(next))
                {
                    up[next].ForEach(pending.Push);
                }
            }

            closures[i] = [.. reached];
        }

        return closures;
    }

    private void Link(int from, IReadOnlyList<string> outcomeIds, List<int>[] up)
    {
        foreach (var id in outcomeIds)
        {
            if (_byId.TryGetValue(id, out var outcome))
            {
                up[from].Add(outcome);
            }
        }
    }
}
