import { Schema, model, type InferSchemaType } from "mongoose";

// Public holidays (วันหยุดราชการ) of one calendar year, imported by an admin as CSV
// (dashboard /officer/holidays). _id is the Bangkok calendar day "YYYY-MM-DD".
// Deadlines in working days skip these and weekends (util/working-days.ts).
const holidaySchema = new Schema(
  {
    _id: { type: String, required: true },
    /** Gregorian year of the day, the unit an import replaces. */
    year: { type: Number, required: true },
    name: { type: String, required: true },
    importedBy: { type: String },
    importedAt: { type: Date, required: true },
  },
  { versionKey: false },
);
holidaySchema.index({ year: 1, _id: 1 });

export type HolidayFields = InferSchemaType<typeof holidaySchema>;
export const Holiday = model("Holiday", holidaySchema);
