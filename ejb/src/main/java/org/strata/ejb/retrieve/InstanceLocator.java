package org.strata.ejb.retrieve;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.List;
import org.strata.ejb.store.HotTier;
import org.strata.persistence.index.Instance;

/** Finds the indexed instances a retrieve scope selects, in study/series/instance order. */
@Stateless
public class InstanceLocator {
    @PersistenceContext(unitName = "strata")
    private EntityManager em;

    @Inject
    HotTier hot;

    public List<RetrieveItem> locate(RetrieveScope scope) {
        StringBuilder jpql = new StringBuilder("SELECT i FROM Instance i JOIN i.series se JOIN se.study st"
                + " JOIN st.patient p WHERE 1 = 1");
        List<List<String>> params = new ArrayList<>();
        condition(jpql, params, "p.patientId", scope.patientIds());
        condition(jpql, params, "st.studyInstanceUid", scope.studyUids());
        condition(jpql, params, "se.seriesInstanceUid", scope.seriesUids());
        condition(jpql, params, "i.sopInstanceUid", scope.sopInstanceUids());
        jpql.append(" ORDER BY st.pk, se.pk, i.pk");
        TypedQuery<Instance> query = em.createQuery(jpql.toString(), Instance.class);
        for (int i = 0; i < params.size(); i++) {
            query.setParameter("p" + i, params.get(i));
        }
        return query.getResultList().stream()
                .map(i -> new RetrieveItem(i.getSopClassUid(), i.getSopInstanceUid(), i.getTransferSyntaxUid(),
                        hot.root().resolve(i.getStoragePath())))
                .toList();
    }

    private static void condition(StringBuilder jpql, List<List<String>> params, String path, List<String> values) {
        if (!values.isEmpty()) {
            jpql.append(" AND ").append(path).append(" IN :p").append(params.size());
            params.add(values);
        }
    }
}
