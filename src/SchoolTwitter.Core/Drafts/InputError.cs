namespace SchoolTwitter.Core.Drafts;

/// <summary>Why an input could not be accepted, naming the field (JSON path such as <c>media[0].contentBase64</c>).</summary>
public sealed record InputError(string Field, string Message);

/// <summary>Either a value or the input errors that prevented it.</summary>
public sealed record InputResult<T>(T? Value, IReadOnlyList<InputError> Errors) where T : class
{
    public bool IsValid => Value is not null && Errors.Count == 0;
    public static InputResult<T> Ok(T value) => new(value, []);
    public static InputResult<T> Fail(params InputError[] errors) => new(null, errors);
    public static InputResult<T> Fail(IReadOnlyList<InputError> errors) => new(null, errors);
}
