package org.w3id.silkgraph;

import java.util.ArrayList;
import java.util.List;

import org.w3id.silkgraph.extract.Extraction;
import org.w3id.silkgraph.extract.Extractor;
import org.w3id.silkgraph.gazetteer.Gazetteer;
import org.w3id.silkgraph.link.LinkedDocument;
import org.w3id.silkgraph.link.Linker;
import org.w3id.silkgraph.nlp.Segmenter;
import org.w3id.silkgraph.rdf.GraphMapper;
import org.w3id.silkgraph.source.SourceDocument;
import org.w3id.silkgraph.text.TextCleaner;

/**
 * The heart of SilkGraph: one document's text in, its quads with provenance out. No I/O and no shared mutable
 * state (knowledge is immutable, HanLP segmenters are per thread), so the CLI, its threads and the Spark job all
 * call this and agree by construction.
 */
public final class SilkGraph {
    private final TextCleaner cleaner;
    private final Extractor extractor;
    private final Linker linker;

    private SilkGraph(Gazetteer gazetteer) {
        this.cleaner = TextCleaner.standard();
        this.extractor = new Extractor(gazetteer);
        this.linker = new Linker(gazetteer);
    }

    /** The pipeline with the knowledge shipped in the jar; loads HanLP and the gazetteers once. */
    public static SilkGraph standard() {
        Segmenter.warmUp();
        return new SilkGraph(Gazetteer.standard());
    }

    public DocumentGraph extract(SourceDocument document) {
        return graph(extractor.segment(cleaner.clean(document)));
    }

    /**
     * The graphs of several documents, each exactly as {@link #extract(SourceDocument)} makes it, but HanLP reads
     * all of them before any is analysed: its time goes to reads scattered over large dictionaries, and a run of
     * segmenting keeps those in the CPU caches that the analysis would evict between documents (a build's batches
     * of {@link GraphBuild#BATCH_CHARACTERS} characters: about 1.1× the throughput of one document at a time).
     */
    public List<DocumentGraph> extract(List<SourceDocument> documents) {
        List<Extractor.Segmented> segmented = new ArrayList<>(documents.size());
        for (SourceDocument d : documents) {
            segmented.add(extractor.segment(cleaner.clean(d)));
        }
        List<DocumentGraph> graphs = new ArrayList<>(documents.size());
        for (Extractor.Segmented s : segmented) {
            graphs.add(graph(s));
        }
        return graphs;
    }

    private DocumentGraph graph(Extractor.Segmented segmented) {
        SourceDocument document = segmented.document().source();
        Extraction extraction = extractor.extract(segmented);
        LinkedDocument linked = linker.link(extraction);
        return new DocumentGraph(document.id(), GraphMapper.quads(linked), linked.entities().size(), linked.facts().size(),
                document.text().length());
    }
}
