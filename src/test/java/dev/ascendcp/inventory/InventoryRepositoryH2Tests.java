package dev.ascendcp.inventory;

import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;

@DataJpaTest
class InventoryRepositoryH2Tests extends InventoryRepositoryContract {}
