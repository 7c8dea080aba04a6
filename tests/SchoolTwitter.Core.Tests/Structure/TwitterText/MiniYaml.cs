using System.Globalization;
using System.Text;

namespace SchoolTwitter.Core.Tests.Structure.TwitterTextConformance;

/// <summary>
/// A YAML reader just large enough for twitter-text's conformance files: block mappings and sequences (including a
/// sequence at its key's indentation), flow sequences of scalars, and plain, single- and double-quoted scalars with
/// YAML escapes (\n, \uXXXX, \UXXXXXXXX…). Mappings become Dictionary&lt;string, object?&gt;, sequences List&lt;object?&gt;.
/// </summary>
internal sealed class MiniYaml
{
    private readonly List<(int Indent, string Content, int LineNumber)> _lines = [];
    private int _index;

    private MiniYaml(string text)
    {
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = raw.TrimEnd('\r', ' ', '\t');
            var content = line.TrimStart(' ');
            if (content.Length == 0 || content.StartsWith('#') || content == "---")
            {
                continue;
            }
            _lines.Add((line.Length - content.Length, content, number));
        }
    }

    public static object? Parse(string text)
    {
        var reader = new MiniYaml(text);
        return reader._lines.Count == 0 ? null : reader.ParseNode(reader._lines[0].Indent);
    }

    private object? ParseNode(int indent)
    {
        var (lineIndent, content, _) = _lines[_index];
        if (lineIndent != indent)
        {
            throw Error("unexpected indentation");
        }
        return content == "-" || content.StartsWith("- ", StringComparison.Ordinal) ? ParseSequence(indent) : ParseMapping(indent);
    }

    private List<object?> ParseSequence(int indent)
    {
        var items = new List<object?>();
        while (_index < _lines.Count && _lines[_index].Indent == indent && IsSequenceItem(_lines[_index].Content))
        {
            var (_, content, number) = _lines[_index];
            var rest = content.Length > 1 ? content[2..].TrimStart() : "";
            var itemIndent = indent + (content.Length - content[1..].TrimStart().Length);
            if (rest.Length == 0)
            {
                _index++;
                items.Add(_index < _lines.Count && _lines[_index].Indent > indent ? ParseNode(_lines[_index].Indent) : null);
            }
            else if (FindMappingColon(rest) >= 0 && !rest.StartsWith('"') && !rest.StartsWith('['))
            {
                // "- key: value": a mapping whose first entry shares the dash's line.
                _lines[_index] = (itemIndent, rest, number);
                items.Add(ParseMapping(itemIndent));
            }
            else
            {
                _index++;
                items.Add(ParseScalarOrFlow(rest));
            }
        }
        return items;
    }

    private Dictionary<string, object?> ParseMapping(int indent)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        while (_index < _lines.Count && _lines[_index].Indent == indent && !IsSequenceItem(_lines[_index].Content))
        {
            var content = _lines[_index].Content;
            var colon = FindMappingColon(content);
            if (colon < 0)
            {
                throw Error("expected 'key: value'");
            }
            var key = content[..colon].Trim();
            var value = content[(colon + 1)..].Trim();
            _index++;
            if (value.Length > 0)
            {
                map[key] = ParseScalarOrFlow(value);
            }
            else if (_index < _lines.Count && _lines[_index].Indent > indent)
            {
                map[key] = ParseNode(_lines[_index].Indent);
            }
            else if (_index < _lines.Count && _lines[_index].Indent == indent && IsSequenceItem(_lines[_index].Content))
            {
                map[key] = ParseSequence(indent);
            }
            else
            {
                map[key] = null;
            }
        }
        return map;
    }

    private static bool IsSequenceItem(string content) => content == "-" || content.StartsWith("- ", StringComparison.Ordinal);

    /// <summary>The colon that separates key from value (": " or a trailing ":"), outside quotes.</summary>
    private static int FindMappingColon(string content)
    {
        if (content.StartsWith('"') || content.StartsWith('\''))
        {
            return -1;
        }
        for (var i = 0; i < content.Length; i++)
        {
            if (content[i] == ':' && (i + 1 == content.Length || content[i + 1] == ' '))
            {
                return i;
            }
        }
        return -1;
    }

    private object? ParseScalarOrFlow(string value)
    {
        if (value.StartsWith('['))
        {
            var position = 0;
            return ParseFlowSequence(value, ref position);
        }
        var at = 0;
        var scalar = ParseScalar(value, ref at, flow: false);
        return scalar;
    }

    private List<object?> ParseFlowSequence(string text, ref int position)
    {
        var items = new List<object?>();
        position++; // '['
        while (true)
        {
            SkipSpaces(text, ref position);
            if (position >= text.Length) throw Error("unterminated flow sequence");
            if (text[position] == ']')
            {
                position++;
                return items;
            }
            items.Add(ParseScalar(text, ref position, flow: true));
            SkipSpaces(text, ref position);
            if (position < text.Length && text[position] == ',') position++;
        }
    }

    private object? ParseScalar(string text, ref int position, bool flow)
    {
        if (text[position] == '"')
        {
            return ParseDoubleQuoted(text, ref position);
        }
        if (text[position] == '\'')
        {
            var sb = new StringBuilder();
            position++;
            while (true)
            {
                if (position >= text.Length) throw Error("unterminated single-quoted string");
                if (text[position] == '\'')
                {
                    if (position + 1 < text.Length && text[position + 1] == '\'') { sb.Append('\''); position += 2; continue; }
                    position++;
                    return sb.ToString();
                }
                sb.Append(text[position++]);
            }
        }
        var start = position;
        while (position < text.Length && !(flow && text[position] is ',' or ']')) position++;
        var plain = text[start..position].Trim();
        return plain switch
        {
            "true" => true,
            "false" => false,
            "null" or "~" or "" => null,
            _ when int.TryParse(plain, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) => number,
            _ => plain,
        };
    }

    private string ParseDoubleQuoted(string text, ref int position)
    {
        var sb = new StringBuilder();
        position++;
        while (true)
        {
            if (position >= text.Length) throw Error("unterminated double-quoted string");
            var c = text[position++];
            if (c == '"') return sb.ToString();
            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }
            var e = text[position++];
            switch (e)
            {
                case 'n': sb.Append('\n'); break;
                case 't': sb.Append('\t'); break;
                case 'r': sb.Append('\r'); break;
                case '0': sb.Append('\0'); break;
                case 'a': sb.Append('\a'); break;
                case 'b': sb.Append('\b'); break;
                case 'e': sb.Append('\u001B'); break;
                case 'f': sb.Append('\f'); break;
                case 'v': sb.Append('\v'); break;
                case ' ': sb.Append(' '); break;
                case '/': sb.Append('/'); break;
                case '"': sb.Append('"'); break;
                case '\\': sb.Append('\\'); break;
                case 'N': sb.Append('\u0085'); break;
                case '_': sb.Append('\u00A0'); break;
                case 'L': sb.Append('\u2028'); break;
                case 'P': sb.Append('\u2029'); break;
                case 'x': sb.Append((char)Hex(text, ref position, 2)); break;
                case 'u': sb.Append((char)Hex(text, ref position, 4)); break;
                case 'U': sb.Append(char.ConvertFromUtf32(Hex(text, ref position, 8))); break;
                default: throw Error($"unknown escape \\{e}");
            }
        }
    }

    private static int Hex(string text, ref int position, int digits)
    {
        var value = int.Parse(text.AsSpan(position, digits), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        position += digits;
        return value;
    }

    private static void SkipSpaces(string text, ref int position)
    {
        while (position < text.Length && text[position] == ' ') position++;
    }

    private FormatException Error(string message) =>
        new($"YAML line {(_index < _lines.Count ? _lines[_index].LineNumber : -1)}: {message}");
}
