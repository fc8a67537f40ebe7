package io.hytrix.service;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/** What {@code ./hytrix serve} runs: a node and its HTTP front door. */
public record ServiceSettings(NodeSettings node, HttpSettings http)
{
    /** The defaults of {@code serve}, journaling to {@code journal}. */
    public static ServiceSettings journalingTo(final Path journal)
    {
        return new ServiceSettings(NodeSettings.journalingTo(journal), HttpSettings.DEFAULTS);
    }

    public ServiceSettings withNode(final UnaryOperator<NodeSettings> change)
    {
        return new ServiceSettings(change.apply(node), http);
    }

    public ServiceSettings withHttp(final UnaryOperator<HttpSettings> change)
    {
        return new ServiceSettings(node, change.apply(http));
    }
}
