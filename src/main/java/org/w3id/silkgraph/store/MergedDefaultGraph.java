package org.w3id.silkgraph.store;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.Quad;
import org.w3id.silkgraph.rdf.SG;

/**
 * A dataset whose default graph holds every triple of its named graphs once: the merge of all documents, kept in
 * step as document graphs are added and removed.
 *
 * <p>Why not TDB2's union default graph: an entity's label and type are repeated in every document that mentions
 * it, and a union graph finds them all and then removes the repeats, so looking up the label of 中国 reads tens of
 * thousands of entries on a decade of news; a query that joins to places or countries took seconds. The merged
 * graph answers the same lookup with one entry, at the cost of storing each distinct triple once more.
 *
 * <p>The default graph also keeps, for each entity, {@code sg:documentCount}: how many document graphs mention it
 * ({@code sg:mentions}), so "entities seen in more than one document" need not count mentions on every query,
 * and their {@link DocumentRanks}, brought up to date when a transaction that changed counts commits.
 */
final class MergedDefaultGraph extends DatasetGraphWrapper {

    /** Counts changed in the current write transaction: ranks to refresh before it commits. */
    private boolean countsChanged;

    MergedDefaultGraph(DatasetGraph dsg) {
        super(dsg);
    }

    @Override
    public void commit() {
        if (countsChanged) {
            DocumentRanks.refresh(getWrapped());
            countsChanged = false;
        }
        super.commit();
    }

    @Override
    public void abort() {
        countsChanged = false;
        super.abort();
    }

    @Override
    public void add(Quad quad) {
        add(quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject());
    }

    @Override
    public void add(Node g, Node s, Node p, Node o) {
        if (Quad.isDefaultGraph(g)) {
            super.add(g, s, p, o);
            return;
        }
        if (p.equals(SG.mentions) && !super.contains(g, s, p, o)) {
            count(o, +1);
        }
        super.add(g, s, p, o);
        if (!super.contains(Quad.defaultGraphIRI, s, p, o)) {
            super.add(Quad.defaultGraphIRI, s, p, o);
        }
    }

    @Override
    public void delete(Quad quad) {
        delete(quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject());
    }

    /** A triple leaves the default graph with the last named graph that holds it. */
    @Override
    public void delete(Node g, Node s, Node p, Node o) {
        if (Quad.isDefaultGraph(g)) {
            super.delete(g, s, p, o);
            return;
        }
        if (p.equals(SG.mentions) && super.contains(g, s, p, o)) {
            count(o, -1);
        }
        super.delete(g, s, p, o);
        if (!findNG(Node.ANY, s, p, o).hasNext()) {
            super.delete(Quad.defaultGraphIRI, s, p, o);
        }
    }

    private void count(Node entity, int change) {
        countsChanged = true;
        long n = change;
        for (Quad old : Iter.toList(super.find(Quad.defaultGraphIRI, entity, SG.documentCount, Node.ANY))) {
            n += ((Number) old.getObject().getLiteralValue()).longValue();
            super.delete(old);
        }
        if (n > 0) {
            super.add(Quad.defaultGraphIRI, entity, SG.documentCount, documentCount(n));
        }
    }

    static Node documentCount(long n) {
        return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger);
    }

    @Override
    public void removeGraph(Node graphName) {
        // one quad at a time, so the default graph keeps the triples other graphs still hold
        Iter.toList(find(graphName, Node.ANY, Node.ANY, Node.ANY)).forEach(this::delete);
        super.removeGraph(graphName);
    }

    @Override
    public void deleteAny(Node g, Node s, Node p, Node o) {
        Iter.toList(find(g, s, p, o)).forEach(this::delete);
    }
}
