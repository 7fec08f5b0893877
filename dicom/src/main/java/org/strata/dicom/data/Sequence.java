package org.strata.dicom.data;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;

/** The value of an SQ element: an ordered list of item datasets, each knowing this sequence's dataset as parent. */
public final class Sequence extends AbstractList<Dataset> {
    private final Dataset owner;
    private final List<Dataset> items = new ArrayList<>(2);

    Sequence(Dataset owner) {
        this.owner = owner;
    }

    /** The dataset holding this sequence (items inherit its Specific Character Set). */
    public Dataset owner() {
        return owner;
    }

    /** Appends a new empty item and returns it. */
    public Dataset addItem() {
        Dataset item = new Dataset(owner);
        items.add(item);
        return item;
    }

    @Override
    public Dataset get(int index) {
        return items.get(index);
    }

    @Override
    public int size() {
        return items.size();
    }

    /** Adds an item; it is re-parented to this sequence's dataset. */
    @Override
    public void add(int index, Dataset item) {
        item.setParent(owner);
        items.add(index, item);
    }

    @Override
    public Dataset set(int index, Dataset item) {
        item.setParent(owner);
        return items.set(index, item);
    }

    @Override
    public Dataset remove(int index) {
        return items.remove(index);
    }
}
