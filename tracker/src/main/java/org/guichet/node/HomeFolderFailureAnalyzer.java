package org.guichet.node;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says which folder could not be used, and how to choose another one. */
class HomeFolderFailureAnalyzer extends AbstractFailureAnalyzer<HomeFolderException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, HomeFolderException cause) {
        return new FailureAnalysis(cause.getMessage() + ".",
                "Give the user running Guichet write access to " + cause.home()
                        + ", or choose another folder with --guichet.node.home=DIR (or the environment variable GUICHET_NODE_HOME).",
                cause);
    }
}
