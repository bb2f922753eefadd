-- CreateIndex
CREATE INDEX "Account_updatedAt_id_idx" ON "Account"("updatedAt" DESC, "id");
