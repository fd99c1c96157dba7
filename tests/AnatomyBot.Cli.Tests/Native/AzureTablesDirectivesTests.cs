using System.Reflection;
using System.Xml.Linq;
using AnatomyBot.Cli.Tests.Infrastructure;
using Azure.Data.Tables;

namespace AnatomyBot.Cli.Tests.Native;

/// <summary><c>src/AnatomyBot.Cli/azure-tables.rd.xml</c> against the Azure SDK the CLI is built with: Azure.Data.Tables
/// maps a row to <see cref="TableEntity"/> through its <c>TypeBinder</c> (Azure.Core's shared source), which creates a
/// <c>BoundMemberInfo&lt;T&gt;</c> by reflection for each property; a native build compiles those over value types only
/// when they are listed. When the SDK moves, this test fails naming the lines to add or the line to remove.</summary>
public sealed class AzureTablesDirectivesTests
{
    private static readonly XNamespace Directives = "http://schemas.microsoft.com/netfx/2013/01/metadata";

    [Fact]
    public void AzureTablesDirectives_ListTheBoundMemberOfEveryValueTypePropertyOfTableEntity()
    {
        var listed = XDocument.Load(Path.Combine(RepoPaths.Root, "src", "AnatomyBot.Cli", "azure-tables.rd.xml"))
            .Descendants(Directives + "Type")
            .Select(type => (string)type.Attribute("Name")!)
            .Order(StringComparer.Ordinal)
            .ToList();

        var expected = typeof(TableEntity).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.PropertyType.IsValueType && property.GetIndexParameters().Length == 0)
            .Select(property => BoundMember(property.PropertyType))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.NotEmpty(expected);
        var missing = expected.Except(listed, StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "azure-tables.rd.xml lacks; add:\n" + string.Join('\n', missing.Select(name => $"      <Type Name=\"{name}\" Dynamic=\"Required All\" />")));
        Assert.All(listed.Except(expected, StringComparer.Ordinal), name => Assert.Fail(name + " is not a value-type property of TableEntity: remove it"));
        var binder = typeof(TableEntity).Assembly.GetType("Azure.Core.TypeBinder`1");
        Assert.True(binder?.GetNestedType("BoundMemberInfo`1", BindingFlags.NonPublic | BindingFlags.Public) is not null, "Azure.Data.Tables no longer has Azure.Core.TypeBinder`1+BoundMemberInfo`1: the directives name nothing");
    }

    [Fact]
    public void AzureTablesDirectives_KeepAzureDataTablesWholeInNativeBuildsOnly()
    {
        var project = XDocument.Load(Path.Combine(RepoPaths.Root, "src", "AnatomyBot.Cli", "AnatomyBot.Cli.csproj"));
        var root = project.Descendants("TrimmerRootAssembly").Single(item => (string?)item.Attribute("Include") == "Azure.Data.Tables");
        var rdXml = project.Descendants("RdXmlFile").Single(item => (string?)item.Attribute("Include") == "azure-tables.rd.xml");
        var reflection = project.Descendants("JsonSerializerIsReflectionEnabledByDefault").Single();

        Assert.Same(root.Parent, rdXml.Parent);
        Assert.Contains("PublishAot", (string?)root.Parent!.Attribute("Condition") ?? string.Empty, StringComparison.Ordinal);
        Assert.Contains("PublishAot", (string?)reflection.Parent!.Attribute("Condition") ?? string.Empty, StringComparison.Ordinal);
    }

    /// <summary>The directive name of <c>TypeBinder&lt;IDictionary&lt;string, object&gt;&gt;.BoundMemberInfo&lt;T&gt;</c>.</summary>
    private static string BoundMember(Type member) =>
        $"Azure.Core.TypeBinder`1+BoundMemberInfo`1[[{Name(typeof(IDictionary<string, object>))}],[{Name(member)}]]";

    private static string Name(Type type) =>
        type.IsGenericType
            ? $"{type.GetGenericTypeDefinition().FullName}[{string.Join(',', type.GetGenericArguments().Select(argument => $"[{Name(argument)}]"))}], {type.Assembly.GetName().Name}"
            : $"{type.FullName}, {type.Assembly.GetName().Name}";
}
