package io.hytrix.cli.paths;

/**
 * Outcome of {@link PathsCheck#run}.
 *
 * @param maxError largest |found - optimal_length| over all scenarios; infinite when some goal was not reached
 */
public record PathsReport(int scenarios, int mismatches, double maxError)
{
    /** The summary line scripts grep for: {@code scenarios=<n> mismatches=<m> maxError=<e>}. */
    public String lastLine()
    {
        return "scenarios=" + scenarios + " mismatches=" + mismatches + " maxError=" + maxError;
    }
}
