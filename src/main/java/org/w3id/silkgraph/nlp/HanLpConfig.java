package org.w3id.silkgraph.nlp;

import com.hankcs.hanlp.HanLP;

/** HanLP keeps its settings in static fields; they are set here, once, and nowhere else. */
final class HanLpConfig {
    private static volatile boolean configured;

    private HanLpConfig() {
    }

    static void ensureConfigured() {
        if (configured) {
            return;
        }
        synchronized (HanLpConfig.class) {
            if (!configured) {
                HanLP.Config.ShowTermNature = true;
                HanLP.Config.Normalization = false; // our own cleaning keeps offsets; HanLP's would not tell us
                HanLP.Config.enableDebug(false);
                configured = true;
            }
        }
    }
}
