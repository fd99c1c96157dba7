using System.Reflection;
using System.Xml.Linq;
using AnatomyBot.Cli.Tests.Infrastructure;

namespace AnatomyBot.Cli.Tests.Native;

/// <summary><c>src/AnatomyBot.Cli/octokit.rd.xml</c> against the Octokit assembly the CLI is built with: Octokit's
/// serializer creates the generic instances over value types of its models by reflection, which a native build cannot
/// see, so the file must list every one of them and nothing the Octokit built against lacks. When Octokit's version
/// moves, this test fails and its message holds the lines to add or names the line to remove.</summary>
public sealed class OctokitDirectivesTests
{
    private static readonly XNamespace Directives = "http://schemas.microsoft.com/netfx/2013/01/metadata";

    private static readonly Type[] Sequences =
        [typeof(IEnumerable<>), typeof(IReadOnlyList<>), typeof(IList<>), typeof(IReadOnlyCollection<>), typeof(ICollection<>), typeof(List<>)];

    [Fact]
    public void OctokitDirectives_ListEveryValueTypeGenericInstanceOfOctokitModels()
    {
        var listed = XDocument.Load(Path.Combine(RepoPaths.Root, "src", "AnatomyBot.Cli", "octokit.rd.xml"))
            .Descendants(Directives + "Type")
            .Select(type => (string)type.Attribute("Name")!)
            .Order(StringComparer.Ordinal)
            .ToList();

        var expected = ValueTypeInstances(typeof(Octokit.Issue).Assembly).Select(RdXmlName).Order(StringComparer.Ordinal).ToList();

        var missing = expected.Except(listed, StringComparer.Ordinal).ToList();
        Assert.True(
            missing.Count == 0,
            "octokit.rd.xml lacks what Octokit " + typeof(Octokit.Issue).Assembly.GetName().Version + " needs; add:\n"
            + string.Join('\n', missing.Select(name => $"      <Type Name=\"{name}\" Dynamic=\"Required All\" />")));
        Assert.All(listed, name => Assert.True(
            (Type.GetType(name) ?? typeof(Octokit.Issue).Assembly.GetType(name)) is not null,
            name + " is not a type of the Octokit built against: remove it"));
        Assert.Equal(listed.Count, listed.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void OctokitDirectives_KeepOctokitWholeInNativeBuildsOnly()
    {
        var project = XDocument.Load(Path.Combine(RepoPaths.Root, "src", "AnatomyBot.Cli", "AnatomyBot.Cli.csproj"));
        var root = project.Descendants("TrimmerRootAssembly").Single(item => (string?)item.Attribute("Include") == "Octokit");
        var rdXml = project.Descendants("RdXmlFile").Single(item => (string?)item.Attribute("Include") == "octokit.rd.xml");

        Assert.Same(root.Parent, rdXml.Parent);
        Assert.Contains("PublishAot", (string?)root.Parent!.Attribute("Condition") ?? string.Empty, StringComparison.Ordinal);
    }

    /// <summary>Every constructed generic type with a value-type argument that a public Octokit type's public properties or
    /// constructor parameters name, at any depth; for each sequence of a value type the list the serializer fills; and the
    /// nullable form of every enum and string enum among them.</summary>
    private static HashSet<Type> ValueTypeInstances(Assembly octokit)
    {
        var found = new HashSet<Type>();
        var enums = new HashSet<Type>();
        foreach (var type in octokit.GetExportedTypes())
        {
            var named = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.PropertyType)
                .Concat(type.GetConstructors().SelectMany(c => c.GetParameters()).Select(p => p.ParameterType));
            foreach (var member in named)
            {
                Collect(member, found, enums);
            }
        }

        // The serializer also asks for the nullable form of every enum and string enum it meets.
        foreach (var type in enums.Concat(found.Where(t => t.GetGenericTypeDefinition() == typeof(Octokit.StringEnum<>))).ToList())
        {
            found.Add(typeof(Nullable<>).MakeGenericType(type));
        }

        return found;
    }

    private static void Collect(Type type, HashSet<Type> found, HashSet<Type> enums)
    {
        if (type.HasElementType)
        {
            Collect(type.GetElementType()!, found, enums);
            return;
        }

        if (type.IsEnum)
        {
            enums.Add(type);
        }

        if (!type.IsConstructedGenericType)
        {
            return;
        }

        var arguments = type.GetGenericArguments();
        if (arguments.Any(a => a.IsValueType) && found.Add(type)
            && arguments is [var item] && item.IsValueType && Sequences.Contains(type.GetGenericTypeDefinition()))
        {
            found.Add(typeof(List<>).MakeGenericType(item));
        }

        foreach (var argument in arguments)
        {
            Collect(argument, found, enums);
        }
    }

    /// <summary>A type's name as rd.xml writes it: <c>Namespace.Name`1[[Argument,Assembly]]</c>.</summary>
    private static string RdXmlName(Type type) =>
        type.IsConstructedGenericType
            ? $"{type.GetGenericTypeDefinition().FullName}[{string.Join(',', type.GetGenericArguments().Select(a => $"[{RdXmlName(a)},{a.Assembly.GetName().Name}]"))}]"
            : type.FullName!;
}
