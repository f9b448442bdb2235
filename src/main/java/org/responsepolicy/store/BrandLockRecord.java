package org.responsepolicy.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row per brand that serialises crisis detection for that brand across server instances. */
@Entity
@Table(name = "brand_lock")
class BrandLockRecord {

    @Id
    @Column(name = "brand", length = 100)
    String brand;

    protected BrandLockRecord() {
    }

    BrandLockRecord(String brand) {
        this.brand = brand;
    }
}
