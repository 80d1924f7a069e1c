"""Where posts come from; every source yields `model.Post`s for the pipeline."""
