namespace KPops.Server.Operations;

public static class OperationsPolicies
{
    /// <summary>
    /// Entering mentor grades: role <c>mentor</c> only. Grades carry benefit votes that move rankings, and in 2019 it
    /// was producers who rigged them; keeping grading away from the role that publishes rankings separates the
    /// duties (a producer who must grade holds the mentor role too, visibly).
    /// </summary>
    public const string Grading = "Grading";
}
